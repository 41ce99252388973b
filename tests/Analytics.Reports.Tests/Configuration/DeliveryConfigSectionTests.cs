using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;

namespace Analytics.Reports.Tests.Configuration;

public sealed class DeliveryConfigSectionTests
{
    private const string File = "/repo/pipeline.yaml";

    [Theory]
    [InlineData("delivery:\n  transport: pigeon\n", "pipeline.yaml:2: 'delivery.transport' must be one of outbox, smtp, not 'pigeon'")]
    [InlineData("delivery:\n  from: not-an-address\n", "pipeline.yaml:2: 'delivery.from' 'not-an-address' is not an email address")]
    [InlineData("delivery:\n  smtp:\n    password_variable: hunter2!\n", "'delivery.smtp.password_variable' 'hunter2!' is not an environment variable name")]
    [InlineData("delivery:\n  smtp:\n    username_variable: SMTP_USER\n", "username_variable and password_variable go together")]
    [InlineData("delivery:\n  smtp:\n    starttls: maybe\n", "'delivery.smtp.starttls' must be true or false, not 'maybe'")]
    public void A_mistake_is_an_error_naming_the_file_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", ReportsConfigExtensions.Sections));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Delivery_defaults_to_the_outbox_on_mondays_and_names_smtp_credentials_only_by_variable()
    {
        var defaults = PipelineConfigLoader.Parse(string.Empty, File, ReportsConfigExtensions.Sections);
        var smtp = PipelineConfigLoader.Parse("""
            delivery:
              transport: smtp
              weekly_day: friday
              smtp:
                host: mail.example.com
                port: 2525
                starttls: false
                username_variable: SMTP_USERNAME
                password_variable: SMTP_PASSWORD
              retry:
                attempts: 2
            """, File, ReportsConfigExtensions.Sections);

        Assert.Equal(DeliveryTransport.Outbox, defaults.Delivery.Transport);
        Assert.Equal(DayOfWeek.Monday, defaults.Delivery.WeeklyDay);
        Assert.Equal(4, defaults.Delivery.Retry.Attempts);
        Assert.Equal(DeliveryTransport.Smtp, smtp.Delivery.Transport);
        Assert.Equal(DayOfWeek.Friday, smtp.Delivery.WeeklyDay);
        Assert.Equal(new SmtpConfig("mail.example.com", 2525, false, "SMTP_USERNAME", "SMTP_PASSWORD", 30), smtp.Delivery.Smtp);
        Assert.Equal(2, smtp.Delivery.Retry.Attempts);
    }
}
