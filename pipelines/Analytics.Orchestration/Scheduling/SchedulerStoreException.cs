namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The scheduler's PostgreSQL store could not be reached or prepared (connection refused, authentication failed,
/// no permission to create tables). The message names the host and database and the cause, never the password.
/// </summary>
public sealed class SchedulerStoreException : Exception
{
    /// <summary>Creates the exception with a message that names the store and what went wrong.</summary>
    public SchedulerStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the store, keeping the driver's error as the cause.</summary>
    public SchedulerStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
