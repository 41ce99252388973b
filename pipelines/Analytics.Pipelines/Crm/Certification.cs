namespace Analytics.Pipelines.Crm;

/// <summary>
/// A certification one person at a partner earned (DOMAIN.md, <c>certifications</c>).
/// Key: <see cref="CertificationId"/>. A person counts as certified while any of their certifications is unexpired.
/// </summary>
/// <param name="CertificationId">The certification record's id.</param>
/// <param name="PartnerId">The partner the person works for.</param>
/// <param name="PersonEmail">The certified person's e-mail address.</param>
/// <param name="CertificationName">
/// The column <c>certification</c>: the name of the certification, e.g. <c>solution_architect</c>. (C# forbids a
/// member named like its type, so this one property departs from the column's PascalCase name.)
/// </param>
/// <param name="EarnedAt">When it was earned (UTC).</param>
/// <param name="ExpiresAt">When it stops being valid (UTC), which may lie in the future; null when it never expires.</param>
public sealed record Certification(
    string CertificationId,
    string PartnerId,
    string PersonEmail,
    string CertificationName,
    DateTime EarnedAt,
    DateTime? ExpiresAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Certifications;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(CertificationId);
        writer.Text(PartnerId);
        writer.Text(PersonEmail);
        writer.Text(CertificationName);
        writer.Timestamp(EarnedAt);
        writer.Timestamp(ExpiresAt);
    }
}
