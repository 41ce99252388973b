using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Files;

/// <summary>Builds a drop folder: every entity's CSV with its canonical header, plus the rows a test gives.</summary>
public static class DropFolder
{
    public static void Write(string folder, IReadOnlyDictionary<string, string> rowsByEntity)
    {
        Directory.CreateDirectory(folder);
        foreach (var entity in CrmSchema.Entities)
        {
            var header = string.Join(",", entity.Columns.Select(c => c.Name)) + "\n";
            rowsByEntity.TryGetValue(entity.Name, out var rows);
            File.WriteAllText(Path.Combine(folder, entity.Name + ".csv"), header + (rows ?? string.Empty));
        }
    }

    /// <summary>An opportunity row; override any column by name.</summary>
    public static string Opportunity(string id, params (string Column, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["opportunity_id"] = id, ["account_id"] = "ACC1", ["name"] = "Expansion deal", ["opportunity_type"] = "new_business",
            ["motion"] = "reseller", ["stage"] = "qualification", ["stage_index"] = "2", ["is_closed"] = "false", ["is_won"] = "false",
            ["arr"] = "12000.00", ["created_at"] = "2026-01-05T10:00:00Z", ["close_date"] = "2026-03-31", ["closed_at"] = "",
            ["owner_email"] = "rep@example.com", ["next_step"] = "Send quote", ["next_step_updated_at"] = "2026-01-10T09:00:00Z",
            ["last_activity_at"] = "2026-01-11T09:00:00Z", ["deal_registration_id"] = "DR1", ["conflict_status"] = "none", ["lost_reason"] = "",
        };
        foreach (var (column, value) in overrides)
        {
            values[column] = value;
        }

        return string.Join(",", CrmSchema.Opportunities.Columns.Select(c => values[c.Name])) + "\n";
    }
}
