namespace Analytics.Reports.Delivery;

/// <summary>A file sent with an email, e.g. the PDF of a manager's partner scorecards.</summary>
/// <param name="FileName">The name the recipient sees (may hold non-ASCII characters; encoded per RFC 2231/2047).</param>
/// <param name="ContentType">The MIME type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
