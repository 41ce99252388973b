using Analytics.Sources.Demo;
using Analytics.TestSupport.Crm;

namespace Analytics.Sources.Demo.Tests;

public sealed class DemoCrmDeterminismTests
{
    private static readonly DateOnly AsOf = new(2026, 5, 31);

    [Fact]
    public void Same_seed_and_date_give_byte_identical_records()
    {
        var first = HashOf(new DemoCrmOptions { Scale = 0.15 });
        var second = HashOf(new DemoCrmOptions { Scale = 0.15 });

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_records()
    {
        var first = HashOf(new DemoCrmOptions { Scale = 0.15 });
        var other = HashOf(new DemoCrmOptions { Scale = 0.15, Seed = 7 });

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Writing_the_same_snapshot_twice_from_one_instance_gives_the_same_records()
    {
        var crm = new DemoCrm(new DemoCrmOptions { Scale = 0.15 });

        Assert.Equal(RecordHasher.HashOf(sink => crm.WriteSnapshot(AsOf, sink)), RecordHasher.HashOf(sink => crm.WriteSnapshot(AsOf, sink)));
    }

    [Fact]
    public void An_accounts_identity_does_not_depend_on_the_scale()
    {
        // Accounts draw from their own stream: account N of a small CRM is account N of a larger one by name,
        // domain, region and segment (its deals may differ, since the partner roster grows with the scale).
        var small = new DemoCrm(new DemoCrmOptions { Scale = 0.05 }).Snapshot(AsOf).Accounts;
        var larger = new DemoCrm(new DemoCrmOptions { Scale = 0.1 }).Snapshot(AsOf).Accounts.ToDictionary(a => a.AccountId);

        Assert.NotEmpty(small);
        Assert.All(small, account =>
        {
            var same = larger[account.AccountId];
            Assert.Equal((account.Name, account.Domain, account.Region, account.Segment), (same.Name, same.Domain, same.Region, same.Segment));
        });
    }

    private static string HashOf(DemoCrmOptions options)
    {
        var crm = new DemoCrm(options);
        return RecordHasher.HashOf(sink => crm.WriteSnapshot(AsOf, sink));
    }
}
