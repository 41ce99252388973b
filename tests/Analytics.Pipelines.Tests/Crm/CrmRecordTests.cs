using System.Reflection;
using System.Text;
using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Crm;

namespace Analytics.Pipelines.Tests.Crm;

/// <summary>The twelve entity records against <see cref="CrmSchema"/>: same columns, order, types and nullability.</summary>
public sealed class CrmRecordTests
{
    public static TheoryData<string> EntityNames => new(CrmSchema.Entities.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void WriteTo_makes_one_call_per_schema_column_with_the_column_type(string entity)
    {
        var record = SampleRecords.All.Single(r => r.Schema.Name == entity);

        var values = CollectingRowWriter.ValuesOf(record);

        Assert.Equal(record.Schema.Columns.Select(c => c.Type), values.Select(v => v.Type));
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void WriteTo_writes_the_properties_in_column_order(string entity)
    {
        var record = SampleRecords.All.Single(r => r.Schema.Name == entity);
        var properties = ConstructorParameters(record.GetType()).Select(p => record.GetType().GetProperty(p.Name!)!.GetValue(record));

        var values = CollectingRowWriter.ValuesOf(record).Select(v => v.Value);

        Assert.Equal(properties.Select(Widen), values);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Record_parameters_are_the_schema_columns_in_pascal_case(string entity)
    {
        var schema = CrmSchema.Entity(entity);
        var type = SampleRecords.All.Single(r => r.Schema == schema).GetType();

        var columns = ConstructorParameters(type).Select(p => SnakeCase(p.Name!)).ToList();

        // C# forbids a member named like its type: Certification.CertificationName is the column "certification".
        var expected = schema.Columns.Select(c => c.Name == "certification" ? "certification_name" : c.Name);
        Assert.Equal(expected, columns);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Record_property_types_and_nullability_follow_the_schema(string entity)
    {
        var schema = CrmSchema.Entity(entity);
        var type = SampleRecords.All.Single(r => r.Schema == schema).GetType();
        var nullability = new NullabilityInfoContext();

        var parameters = ConstructorParameters(type);

        Assert.All(parameters.Zip(schema.Columns), pair =>
        {
            var (parameter, column) = pair;
            var underlying = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            Assert.Equal(ClrTypeOf(column.Type), underlying);
            var isNullable = Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || nullability.Create(parameter).WriteState == NullabilityState.Nullable;
            Assert.True(isNullable == !column.Required, $"{entity}.{column.Name}: nullable {isNullable}, required {column.Required}");
        });
    }

    [Fact]
    public void Every_record_names_its_own_entity_schema()
    {
        Assert.Equal(CrmSchema.Entities, SampleRecords.All.Select(r => r.Schema));
    }

    [Fact]
    public void Opportunity_documents_its_stage_encoding()
    {
        Assert.Equal(6, MotionStages.ClosedWonIndex);
        Assert.Equal(0, MotionStages.ClosedLostIndex);
    }

    private static ParameterInfo[] ConstructorParameters(Type type) =>
        type.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != type)).GetParameters();

    private static object? Widen(object? value) => value is int number ? (long)number : value;

    private static Type ClrTypeOf(CrmColumnType type) => type switch
    {
        CrmColumnType.Text => typeof(string),
        CrmColumnType.Integer => typeof(int),
        CrmColumnType.Decimal => typeof(decimal),
        CrmColumnType.Boolean => typeof(bool),
        CrmColumnType.Date => typeof(DateOnly),
        _ => typeof(DateTime),
    };

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
