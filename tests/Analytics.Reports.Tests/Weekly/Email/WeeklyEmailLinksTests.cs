using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;
using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>Deal and partner names link to their CRM records: per source defaults, configured templates, encoded ids.</summary>
public sealed class WeeklyEmailLinksTests
{
    private const string File = "/repo/pipeline.yaml";

    private static CrmLinksConfig Read(string yaml) =>
        PipelineConfigLoader.Parse(yaml, File, ReportsConfigExtensions.Sections).Delivery.CrmLinks;

    private static WeeklyScorecard Linked(CrmLinks links) => SampleScorecards.Realistic() with { Links = links };

    [Fact]
    public void Salesforce_links_go_to_the_lightning_record_pages_of_the_configured_my_domain()
    {
        var links = CrmLinks.For(SourceKind.Salesforce, Read("delivery:\n  crm_links:\n    base_url: https://acme.my.salesforce.com/\n"));

        Assert.Equal("https://acme.my.salesforce.com/lightning/r/Opportunity/006Hs00001AbCdE/view", links.Deal("006Hs00001AbCdE"));
        Assert.Equal("https://acme.my.salesforce.com/lightning/r/Account/001Hs00002XyZ/view", links.Partner("001Hs00002XyZ"));
    }

    [Fact]
    public void HubSpot_links_go_to_the_portals_deal_and_company_records()
    {
        var links = CrmLinks.For(SourceKind.HubSpot, Read("delivery:\n  crm_links:\n    portal_id: \"4412345\"\n"));
        var eu = CrmLinks.For(SourceKind.HubSpot, Read("delivery:\n  crm_links:\n    portal_id: \"4412345\"\n    base_url: https://app-eu1.hubspot.com\n"));

        Assert.Equal("https://app.hubspot.com/contacts/4412345/record/0-3/18230012", links.Deal("18230012"));
        Assert.Equal("https://app.hubspot.com/contacts/4412345/record/0-2/90311", links.Partner("90311"));
        Assert.Equal("https://app-eu1.hubspot.com/contacts/4412345/record/0-3/18230012", eu.Deal("18230012"));
    }

    [Theory]
    [InlineData(SourceKind.Demo)]
    [InlineData(SourceKind.Files)]
    [InlineData(SourceKind.Postgres)]
    [InlineData(SourceKind.Salesforce)] // no My Domain: login.salesforce.com does not say which org
    [InlineData(SourceKind.HubSpot)]    // no portal id
    public void Without_a_default_or_configuration_there_is_no_link_rather_than_a_broken_one(SourceKind kind)
    {
        var card = Linked(CrmLinks.For(kind, CrmLinksConfig.None));

        Assert.DoesNotContain("<a ", WeeklyEmailHtml.Render(card));
        Assert.DoesNotContain("http", WeeklyEmailText.Render(card));
    }

    [Fact]
    public void A_configured_template_links_any_source_with_the_id_url_encoded_and_the_address_html_escaped()
    {
        var links = CrmLinks.For(SourceKind.Files, Read("delivery:\n  crm_links:\n    deal: \"https://crm.example/deal?id={id}&tab=1\"\n    partner: https://crm.example/partner/{id}\n"));
        var card = Linked(links);

        Assert.Equal("https://crm.example/deal?id=O%201%2F%C3%A4%26x&tab=1", links.Deal("O 1/ä&x"));
        var html = WeeklyEmailHtml.Render(card);
        Assert.Contains("<a href=\"https://crm.example/deal?id=O-3&amp;tab=1\"", html);
        Assert.Contains("<a href=\"https://crm.example/partner/P-0031\"", html);
        Assert.DoesNotContain("id=O-3&tab", html);
    }

    [Fact]
    public void Every_deal_and_partner_name_of_the_email_is_linked_in_both_parts()
    {
        var card = Linked(CrmLinks.For(SourceKind.HubSpot, Read("delivery:\n  crm_links:\n    portal_id: \"77\"\n")));
        var html = WeeklyEmailHtml.Render(card);
        var text = WeeklyEmailText.Render(card);

        foreach (var deal in card.EmailedStalledDeals.Select(d => d.OpportunityId).Concat(card.Changes.Deals.Select(d => d.OpportunityId)))
        {
            Assert.Contains($"https://app.hubspot.com/contacts/77/record/0-3/{deal}", html);
            Assert.Contains($"https://app.hubspot.com/contacts/77/record/0-3/{deal}\n", text);
        }

        foreach (var partner in card.Partners)
        {
            Assert.Contains($"href=\"https://app.hubspot.com/contacts/77/record/0-2/{partner.PartnerId}\"", html);
            Assert.Contains($"https://app.hubspot.com/contacts/77/record/0-2/{partner.PartnerId}\n", text);
        }
    }

    [Fact]
    public void A_long_address_stays_whole_on_a_line_of_its_own_and_every_other_line_keeps_to_78_characters()
    {
        var template = "https://crm.example/a/very/long/path/that/goes/on/and/on/for/quite/some/time/deals/{id}/view";
        var card = Linked(CrmLinks.For(SourceKind.Files, Read($"delivery:\n  crm_links:\n    deal: {template}\n")));
        var lines = WeeklyEmailText.Render(card).Split('\n');

        Assert.Contains(lines, l => l.Trim() == template.Replace("{id}", "O-3", StringComparison.Ordinal));
        Assert.All(lines.Where(l => !l.TrimStart().StartsWith("https://", StringComparison.Ordinal)), l => Assert.True(l.Length <= 78, l));
    }

    [Theory]
    [InlineData("delivery:\n  crm_links:\n    deal: https://crm.example/deals/\n", "pipeline.yaml:3: 'delivery.crm_links.deal' 'https://crm.example/deals/' has no {id} where the record id goes")]
    [InlineData("delivery:\n  crm_links:\n    partner: crm.example/{id}\n", "'delivery.crm_links.partner' 'crm.example/{id}' is not an http or https address")]
    [InlineData("delivery:\n  crm_links:\n    base_url: javascript:alert(1)\n", "'delivery.crm_links.base_url' 'javascript:alert(1)' is not an http or https address")]
    [InlineData("delivery:\n  crm_links:\n    portal_id: acme\n", "'delivery.crm_links.portal_id' 'acme' is not a HubSpot portal id (digits only)")]
    [InlineData("delivery:\n  crm_links:\n    opportunity: https://x/{id}\n", "pipeline.yaml:3: unknown key 'opportunity'")]
    public void A_mistake_in_crm_links_is_an_error_naming_the_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", ReportsConfigExtensions.Sections));

        Assert.Contains(expected, error.Message);
    }
}
