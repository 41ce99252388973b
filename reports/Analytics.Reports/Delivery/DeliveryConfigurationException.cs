namespace Analytics.Reports.Delivery;

/// <summary>
/// Delivery is configured wrongly (e.g. an SMTP credential variable is not set): no email can go out, so the
/// deliverer lets this end the run instead of recording every email as failed. Names variables, never their values.
/// </summary>
public sealed class DeliveryConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names what to fix.</summary>
    public DeliveryConfigurationException(string message)
        : base(message)
    {
    }
}
