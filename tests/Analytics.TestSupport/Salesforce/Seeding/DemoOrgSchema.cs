namespace Analytics.TestSupport.Salesforce.Seeding;

/// <summary>
/// The sObject types of a standard Salesforce PRM org as the default mapping reads them
/// (pipelines/Analytics.Sources.Salesforce/Mapping/DefaultMapping.yaml): standard objects with the custom fields the
/// mapping names, and the custom objects for what Salesforce has no object for.
/// </summary>
public static class DemoOrgSchema
{
    /// <summary>Every type <see cref="Define"/> creates, in definition order.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "User", "Account", "ChannelProgram", "ChannelProgramLevel", "ChannelProgramMember", "Opportunity",
        "Partner_Attribution__c", "OpportunityHistory", "RecordType", "Lead", "ProcessInstance", "Task", "Event",
        "Partner_Certification__c", "CSAT_Response__c", "Partner_Proof__c", "Channel_Conflict__c",
    ];

    /// <summary>Defines every type of <see cref="Types"/> in <paramref name="org"/>.</summary>
    public static void Define(SalesforceOrg org)
    {
        ArgumentNullException.ThrowIfNull(org);
        org.Define("User", [Text("Name"), new("Email", SFieldType.Email), Text("Username")]);
        org.Define("Account",
        [
            Text("Name"), new("IsPartner", SFieldType.Boolean), Pick("Industry"), new("Website", SFieldType.Url),
            Pick("Region__c"), Pick("Segment__c"), Pick("Partner_Type__c"), Pick("Partner_Status__c"),
            Time("Offboarded_At__c"), Ref("Incumbent_Partner__c", "Account", "Incumbent_Partner__r"), Ref("OwnerId", "User", "Owner"),
        ]);
        org.Define("ChannelProgram", [Text("Name")]);
        org.Define("ChannelProgramLevel", [Text("Name"), Ref("ProgramId", "ChannelProgram", "Program")]);
        org.Define("ChannelProgramMember",
        [
            Ref("ProgramId", "ChannelProgram", "Program"), Ref("PartnerId", "Account", "Partner"),
            Ref("LevelId", "ChannelProgramLevel", "Level"),
        ]);
        org.Define("Opportunity",
        [
            Ref("AccountId", "Account", "Account"), Ref("RecordTypeId", "RecordType", "RecordType"), Text("Name"), Pick("Type"),
            Pick("Partner_Motion__c"), Pick("StageName"),
            new("IsClosed", SFieldType.Boolean), new("IsWon", SFieldType.Boolean), new("Amount", SFieldType.Currency),
            new("CloseDate", SFieldType.Date), Time("Closed_At__c"), Ref("OwnerId", "User", "Owner"),
            Text("NextStep"), Time("Next_Step_Updated_At__c"), Time("Last_Activity_At__c"),
            Ref("Deal_Registration__c", "Lead", "Deal_Registration__r"), Pick("Conflict_Status__c"), Pick("Loss_Reason__c"),
        ]);
        org.Define("Partner_Attribution__c",
        [
            Ref("Opportunity__c", "Opportunity", "Opportunity__r"), Ref("Partner_Account__c", "Account", "Partner_Account__r"),
            Pick("Role__c"), Pick("Attribution__c"), new("Attribution_Pct__c", SFieldType.Percent),
        ]);
        org.Define("OpportunityHistory",
        [
            Ref("OpportunityId", "Opportunity", "Opportunity"), Pick("StageName"), new("Amount", SFieldType.Currency),
            new("CloseDate", SFieldType.Date),
        ]);
        org.Define("RecordType", [Text("Name"), Text("DeveloperName"), Text("SobjectType")]);
        org.Define("Lead",
        [
            Ref("RecordTypeId", "RecordType", "RecordType"), Ref("PartnerAccountId", "Account", "PartnerAccount"),
            Ref("Account__c", "Account", "Account__r"), Text("Company"), new("Website", SFieldType.Url),
            Ref("ConvertedOpportunityId", "Opportunity", "ConvertedOpportunity"), Pick("Status"), Pick("Decline_Reason__c"),
            new("Protection_Start__c", SFieldType.Date), new("Protection_End__c", SFieldType.Date),
            new("Extension_Count__c", SFieldType.Double), Time("First_Response_At__c"), Time("First_Meeting_At__c"),
        ]);
        org.Define("ProcessInstance", [Ref("TargetObjectId", "Lead", "TargetObject"), Pick("Status"), Time("CompletedDate")]);
        org.Define("Task",
        [
            Ref("WhatId", "Opportunity", "What"), Ref("Partner_Account__c", "Account", "Partner_Account__r"),
            Pick("TaskSubtype"), Text("Subject"), Time("CompletedDateTime"),
        ]);
        org.Define("Event",
        [
            Ref("WhatId", "Opportunity", "What"), Ref("Partner_Account__c", "Account", "Partner_Account__r"),
            Text("Subject"), Time("StartDateTime"),
        ]);
        org.Define("Partner_Certification__c",
        [
            Ref("Partner_Account__c", "Account", "Partner_Account__r"), new("Person_Email__c", SFieldType.Email),
            Pick("Certification__c"), Time("Earned_At__c"), Time("Expires_At__c"),
        ]);
        org.Define("CSAT_Response__c",
        [
            Ref("Partner_Account__c", "Account", "Partner_Account__r"), Ref("Account__c", "Account", "Account__r"),
            new("Score__c", SFieldType.Double), Time("Responded_At__c"),
        ]);
        org.Define("Partner_Proof__c",
        [
            Ref("Partner_Account__c", "Account", "Partner_Account__r"), Pick("Proof_Type__c"), Time("Recorded_At__c"),
        ]);
        org.Define("Channel_Conflict__c",
        [
            Ref("Account__c", "Account", "Account__r"), Pick("Conflict_Type__c"), Pick("Cause__c"), Time("Opened_At__c"),
            Time("Acknowledged_At__c"), Time("Resolved_At__c"), Pick("Resolution__c"),
        ]);
    }

    private static SField Text(string name) => new(name, SFieldType.String);

    private static SField Pick(string name) => new(name, SFieldType.Picklist);

    private static SField Time(string name) => new(name, SFieldType.DateTime);

    private static SField Ref(string name, string to, string relationship) => new(name, SFieldType.Reference, to, relationship);
}
