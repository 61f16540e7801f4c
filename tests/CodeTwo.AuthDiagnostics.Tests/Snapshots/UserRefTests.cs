using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>A user reference means what it says: UPNs ignore case, object ids compare as GUIDs, nothing invalid exists.</summary>
public sealed class UserRefTests
{
    private const string Id = "65ae2ffd-a436-41f3-bdcb-161ad81d3a39";

    [Theory]
    [InlineData("backup@contoso.com", "BACKUP@Contoso.COM")]
    [InlineData(" backup@contoso.com ", "backup@contoso.com")]
    [InlineData(Id, "65AE2FFD-A436-41F3-BDCB-161AD81D3A39")]
    [InlineData(Id, "{65ae2ffd-a436-41f3-bdcb-161ad81d3a39}")]
    [InlineData(Id, "65ae2ffda43641f3bdcb161ad81d3a39")]
    public void Equal_references_are_equal_and_hash_alike(string a, string b)
    {
        var left = UserRef.Parse(a);
        var right = UserRef.Parse(b);

        left.Should().Be(right);
        (left == right).Should().BeTrue();
        (left != right).Should().BeFalse();
        left.GetHashCode().Should().Be(right.GetHashCode());
        new HashSet<UserRef> { left }.Contains(right).Should().BeTrue();
    }

    [Theory]
    [InlineData("backup@contoso.com", "backup@fabrikam.com")]
    [InlineData("backup@contoso.com", Id)]
    [InlineData(Id, "65ae2ffd-a436-41f3-bdcb-161ad81d3a3a")]
    public void Different_references_differ(string a, string b)
    {
        UserRef.Parse(a).Should().NotBe(UserRef.Parse(b));
        (UserRef.Parse(a) == UserRef.Parse(b)).Should().BeFalse();
        (UserRef.Parse(a) == null).Should().BeFalse();
        UserRef.Parse(a).Equals(null).Should().BeFalse();
    }

    [Fact]
    public void An_object_id_is_exposed_as_a_guid_and_keeps_the_hosts_spelling()
    {
        var user = UserRef.Parse("{65AE2FFD-A436-41F3-BDCB-161AD81D3A39}");

        user.IsObjectId.Should().BeTrue();
        user.ObjectId.Should().Be(Guid.Parse(Id));
        user.Value.Should().Be("{65AE2FFD-A436-41F3-BDCB-161AD81D3A39}");
        user.ToString().Should().Be(user.Value);
        UserRef.Parse("backup@contoso.com").ObjectId.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("backup")]
    [InlineData("@contoso.com")]
    [InlineData("backup@")]
    [InlineData("back up@contoso.com")]
    [InlineData("65ae2ffd-a436-41f3-bdcb")]
    public void TryParse_refuses_what_names_no_user(string? value)
    {
        UserRef.TryParse(value, out var user).Should().BeFalse();
        user.Should().BeNull();
        var parse = FluentActions.Invoking(() => UserRef.Parse(value!));
        if (value is null)
        {
            parse.Should().Throw<ArgumentNullException>();
        }
        else
        {
            parse.Should().Throw<ArgumentException>().Where(e => e.ParamName == "value");
        }
    }

    [Fact]
    public void TryParse_accepts_a_upn_and_an_id()
    {
        UserRef.TryParse("backup@contoso.com", out var upn).Should().BeTrue();
        upn!.Value.Should().Be("backup@contoso.com");
        UserRef.TryParse(Id, out var id).Should().BeTrue();
        id!.IsObjectId.Should().BeTrue();
    }

    [Fact]
    public void The_engine_finds_a_user_by_upn_in_any_case_and_by_id_in_any_guid_form()
    {
        var snapshot = Fixture.Load("seed-security-defaults.json").Snapshot();
        var diagnostics = new DiagnosticEngine();
        var byUpn = diagnostics.Assess(snapshot, UserRef.Parse("backup@contoso.com"));
        string id = byUpn.UserId!;

        diagnostics.Assess(snapshot, UserRef.Parse("BACKUP@CONTOSO.COM")).Verdict.Should().Be(byUpn.Verdict);
        diagnostics.Assess(snapshot, UserRef.Parse("BACKUP@CONTOSO.COM")).UserId.Should().Be(id);
        diagnostics.Assess(snapshot, UserRef.Parse("{" + id.ToUpperInvariant() + "}")).UserId.Should().Be(id);
        diagnostics.Assess(snapshot, UserRef.Parse(id.Replace("-", string.Empty, StringComparison.Ordinal))).UserId.Should().Be(id);
    }

    [Fact]
    public void No_public_constructor_makes_an_empty_reference_or_snapshot()
    {
        typeof(UserRef).GetConstructors().Should().BeEmpty();
        typeof(TenantSnapshot).GetConstructors().Should().BeEmpty();
    }
}
