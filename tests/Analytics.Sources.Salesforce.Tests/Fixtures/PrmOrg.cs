using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Fixtures;

/// <summary>The objects and fields the default mapping reads, defined on a tiny in-memory org, and row helpers.</summary>
internal static class PrmOrg
{
    /// <summary>Defines every object; <paramref name="withoutIsDeleted"/> is defined with only Id, CreatedDate and SystemModstamp as audit fields.</summary>
    public static void DefineAll(SalesforceOrg org, string? withoutIsDeleted = null)
    {
        void Define(string type, IEnumerable<SField> fields) => org.Define(type, type == withoutIsDeleted
            ? [.. fields, new SField("CreatedDate", SFieldType.DateTime), new SField("SystemModstamp", SFieldType.DateTime)]
            : fields, withAuditFields: type != withoutIsDeleted);

        static SField S(string name) => new(name, SFieldType.String);
        static SField P(string name) => new(name, SFieldType.Picklist);
        static SField T(string name) => new(name, SFieldType.DateTime);
        static SField D(string name) => new(name, SFieldType.Date);
        static SField N(string name) => new(name, SFieldType.Double);
        static SField B(string name) => new(name, SFieldType.Boolean);
        static SField R(string name, string to, string? relationship = null) => new(name, SFieldType.Reference, to,
            relationship ?? (name.EndsWith("__c", StringComparison.Ordinal) ? name[..^3] + "__r" : name[..^2]));

        Define("User", [new SField("Email", SFieldType.Email)]);
        Define("RecordType", [S("DeveloperName")]);
        Define("ChannelProgramLevel", [S("Name")]);
        Define("Account", [S("Name"), new SField("Website", SFieldType.Url), S("Region__c"), P("Segment__c"), R("OwnerId", "User", "Owner"),
            R("Incumbent_Partner__c", "Account"), B("IsPartner"), P("Partner_Type__c"), P("Industry"), P("Partner_Status__c"), T("Offboarded_At__c")]);
        Define("ChannelProgramMember", [R("PartnerId", "Account", "Partner"), R("LevelId", "ChannelProgramLevel", "Level")]);
        Define("Lead", [R("RecordTypeId", "RecordType", "RecordType"), R("PartnerAccountId", "Account", "PartnerAccount"), R("Account__c", "Account"),
            S("Company"), new SField("Website", SFieldType.Url), R("ConvertedOpportunityId", "Opportunity"), P("Status"), P("Decline_Reason__c"),
            D("Protection_Start__c"), D("Protection_End__c"), N("Extension_Count__c"), T("First_Response_At__c"), T("First_Meeting_At__c")]);
        Define("Opportunity", [R("AccountId", "Account", "Account"), R("RecordTypeId", "RecordType", "RecordType"), S("Name"), P("Type"), P("Partner_Motion__c"), P("StageName"), B("IsClosed"), B("IsWon"),
            new SField("Amount", SFieldType.Currency), D("CloseDate"), T("Closed_At__c"), R("OwnerId", "User", "Owner"), S("NextStep"), T("Next_Step_Updated_At__c"),
            T("Last_Activity_At__c"), R("Deal_Registration__c", "Lead"), P("Conflict_Status__c"), S("Loss_Reason__c")]);
        Define("Partner_Attribution__c", [R("Opportunity__c", "Opportunity"), R("Partner_Account__c", "Account"), P("Role__c"), P("Attribution__c"),
            new SField("Attribution_Pct__c", SFieldType.Percent)]);
        Define("OpportunityHistory", [R("OpportunityId", "Opportunity", "Opportunity"), P("StageName")]);
        Define("ProcessInstance", [R("TargetObjectId", "Lead"), T("CompletedDate")]);
        Define("Task", [R("WhatId", "Opportunity"), R("Partner_Account__c", "Account"), P("TaskSubtype"), T("CompletedDateTime")]);
        Define("Event", [R("WhatId", "Opportunity"), R("Partner_Account__c", "Account"), T("StartDateTime")]);
        Define("Partner_Certification__c", [R("Partner_Account__c", "Account"), new SField("Person_Email__c", SFieldType.Email), S("Certification__c"), T("Earned_At__c"), T("Expires_At__c")]);
        Define("CSAT_Response__c", [R("Partner_Account__c", "Account"), R("Account__c", "Account"), N("Score__c"), T("Responded_At__c")]);
        Define("Partner_Proof__c", [R("Partner_Account__c", "Account"), P("Proof_Type__c"), T("Recorded_At__c")]);
        Define("Channel_Conflict__c", [R("Account__c", "Account"), P("Conflict_Type__c"), P("Cause__c"), T("Opened_At__c"), T("Acknowledged_At__c"),
            T("Resolved_At__c"), S("Resolution__c")]);
    }

    /// <summary>A small org: a user, a partner (Elite, reseller), a customer, two opportunities, history, a registration, activities.</summary>
    public static void Seed(SalesforceOrg org)
    {
        var t = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        org.Insert("User", Row(("Id", "005U1"), ("Email", "pam@example.com")));
        org.Insert("User", Row(("Id", "005U2"), ("Email", "rep@example.com")));
        org.Insert("RecordType", Row(("Id", "012DR"), ("DeveloperName", "Deal_Registration")));
        org.Insert("RecordType", Row(("Id", "012LR"), ("DeveloperName", "Lead_Registration")));
        org.Insert("RecordType", Row(("Id", "012RS"), ("DeveloperName", "Reseller")));
        org.Insert("RecordType", Row(("Id", "012DI"), ("DeveloperName", "Direct")));
        org.Insert("ChannelProgramLevel", Row(("Id", "0LVE"), ("Name", "Elite")));
        org.Insert("Account", Row(("Id", "001P1"), ("Name", "Northwind Resellers"), ("Website", "northwind.example"), ("Region__c", "emea"),
            ("Segment__c", "enterprise"), ("OwnerId", "005U1"), ("IsPartner", true), ("Partner_Type__c", "reseller"), ("Industry", "software"),
            ("Partner_Status__c", "active")));
        org.Insert("Account", Row(("Id", "001C1"), ("Name", "Contoso"), ("Website", "contoso.example"), ("Region__c", "emea"), ("Segment__c", "mid_market"),
            ("OwnerId", "005U2"), ("Incumbent_Partner__c", "001P1"), ("IsPartner", false)));
        org.Insert("ChannelProgramMember", Row(("Id", "0CPM1"), ("PartnerId", "001P1"), ("LevelId", "0LVE")));
        org.Insert("Opportunity", Row(("Id", "006O1"), ("AccountId", "001C1"), ("RecordTypeId", "012RS"), ("Name", "Contoso platform"), ("Type", "New Customer"),
            ("Partner_Motion__c", "reseller"), ("StageName", "Configure Quote"), ("IsClosed", false), ("IsWon", false), ("Amount", 120000m),
            ("CloseDate", new DateOnly(2026, 6, 30)), ("OwnerId", "005U2"), ("Conflict_Status__c", "none")));
        org.Insert("Opportunity", Row(("Id", "006O2"), ("AccountId", "001C1"), ("RecordTypeId", "012DI"), ("Name", "Contoso renewal"), ("Type", "Existing Customer - Renewal"),
            ("Partner_Motion__c", "direct"), ("StageName", "Closed Won"), ("IsClosed", true), ("IsWon", true), ("Amount", 50000m),
            ("CloseDate", new DateOnly(2026, 2, 28)), ("Closed_At__c", t.AddDays(-2)), ("OwnerId", "005U2"), ("Conflict_Status__c", "none")));
        org.Insert("Partner_Attribution__c", Row(("Id", "a01A1"), ("Opportunity__c", "006O1"), ("Partner_Account__c", "001P1"), ("Role__c", "reseller"),
            ("Attribution__c", "sourced"), ("Attribution_Pct__c", 100m)));
        org.Insert("OpportunityHistory", Row(("Id", "008H1"), ("OpportunityId", "006O1"), ("StageName", "Deal Registration"), ("CreatedDate", t.AddDays(-30))));
        org.Insert("OpportunityHistory", Row(("Id", "008H2"), ("OpportunityId", "006O1"), ("StageName", "Deal Registration"), ("CreatedDate", t.AddDays(-25))));
        org.Insert("OpportunityHistory", Row(("Id", "008H3"), ("OpportunityId", "006O1"), ("StageName", "Qualification"), ("CreatedDate", t.AddDays(-20))));
        org.Insert("OpportunityHistory", Row(("Id", "008H4"), ("OpportunityId", "006O1"), ("StageName", "Configure Quote"), ("CreatedDate", t.AddDays(-10))));
        org.Insert("OpportunityHistory", Row(("Id", "008H5"), ("OpportunityId", "006O2"), ("StageName", "Discovery"), ("CreatedDate", t.AddDays(-40))));
        org.Insert("OpportunityHistory", Row(("Id", "008H6"), ("OpportunityId", "006O2"), ("StageName", "Closed Won"), ("CreatedDate", t.AddDays(-2))));
        org.Insert("Lead", Row(("Id", "00QD1"), ("RecordTypeId", "012DR"), ("PartnerAccountId", "001P1"), ("Account__c", "001C1"), ("Company", "Contoso"),
            ("Website", "contoso.example"), ("ConvertedOpportunityId", "006O1"), ("Status", "Converted"), ("Extension_Count__c", 1m),
            ("Protection_Start__c", new DateOnly(2026, 1, 10)), ("Protection_End__c", new DateOnly(2026, 4, 10))));
        org.Insert("Lead", Row(("Id", "00QL1"), ("RecordTypeId", "012LR"), ("PartnerAccountId", "001P1"), ("Company", "Fabrikam"),
            ("Website", "fabrikam.example"), ("Status", "Pending")));
        org.Insert("ProcessInstance", Row(("Id", "04gP1"), ("TargetObjectId", "00QD1"), ("CreatedDate", t.AddDays(-60)), ("CompletedDate", t.AddDays(-59))));
        org.Insert("ProcessInstance", Row(("Id", "04gP2"), ("TargetObjectId", "00QD1"), ("CreatedDate", t.AddDays(-50)), ("CompletedDate", t.AddDays(-48))));
        org.Insert("ProcessInstance", Row(("Id", "04gP3"), ("TargetObjectId", "00QL1"), ("CreatedDate", t.AddDays(-5))));
        org.Insert("Task", Row(("Id", "00TT1"), ("WhatId", "006O1"), ("Partner_Account__c", "001P1"), ("TaskSubtype", "Call"), ("CompletedDateTime", t.AddDays(-9))));
        org.Insert("Task", Row(("Id", "00TT2"), ("WhatId", "006O1"), ("TaskSubtype", "Task"), ("CompletedDateTime", t.AddDays(-8))));
        org.Insert("Event", Row(("Id", "00UE1"), ("WhatId", "006O1"), ("Partner_Account__c", "001P1"), ("StartDateTime", t.AddDays(-7))));
        org.Insert("Partner_Certification__c", Row(("Id", "a02C1"), ("Partner_Account__c", "001P1"), ("Person_Email__c", "eng@northwind.example"),
            ("Certification__c", "Solutions Architect"), ("Earned_At__c", t.AddDays(-100))));
        org.Insert("CSAT_Response__c", Row(("Id", "a03S1"), ("Partner_Account__c", "001P1"), ("Account__c", "001C1"), ("Score__c", 4m), ("Responded_At__c", t.AddDays(-3))));
        org.Insert("Partner_Proof__c", Row(("Id", "a04F1"), ("Partner_Account__c", "001P1"), ("Proof_Type__c", "case_study"), ("Recorded_At__c", t.AddDays(-70))));
        org.Insert("Channel_Conflict__c", Row(("Id", "a05X1"), ("Account__c", "001C1"), ("Conflict_Type__c", "horizontal"), ("Cause__c", "pricing"),
            ("Opened_At__c", t.AddDays(-15))));
    }

    public static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
