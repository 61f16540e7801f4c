using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using CodeTwo.AuthDiagnostics.Testing.Tests.Support;

namespace CodeTwo.AuthDiagnostics.Testing.Tests;

public sealed class ExchangeOnlineBuilderTests
{
    [Fact]
    public void By_default_the_section_is_absent_and_not_written()
    {
        var built = Built.From(new SnapshotBuilder().WithUser("backup@contoso.com"));

        built.Snapshot.Sections.ExchangeOnline.Should().BeSameAs(TenantSections.NotCaptured.ExchangeOnline);
        built.Has("/sections", "exchangeOnline").Should().BeFalse();
    }

    [Fact]
    public void WithExchangeOnline_without_configuration_captures_the_defaults()
    {
        var built = Built.From(new SnapshotBuilder().WithExchangeOnline());

        var settings = built.Snapshot.Sections.ExchangeOnline.Value!;
        settings.SmtpClientAuthenticationDisabled.Should().BeFalse();
        settings.DefaultAuthenticationPolicy.Should().BeNull();
        settings.AuthenticationPolicies.Should().BeEmpty();
        settings.Users.Should().BeEmpty();
        built.Str("/sections/exchangeOnline/status").Should().Be("captured");
        built.At("/sections/exchangeOnline/value")!.ToJsonString().Should().Be(
            """{"smtpClientAuthenticationDisabled":false,"defaultAuthenticationPolicy":null,"authenticationPolicies":[],"users":{}}""");
    }

    [Fact]
    public void Tenant_switch_policies_and_mailboxes_by_UPN_or_id_are_written_as_the_script_writes_them()
    {
        const string otherId = "4bb3a2d2-1b1f-4a53-b1a4-2a0f6a6f3d11";
        var built = Built.From(new SnapshotBuilder()
            .WithUser("scanner@contoso.com")
            .WithUser("alice@contoso.com")
            .WithExchangeOnline(x => x
                .SmtpClientAuthenticationDisabled()
                .AuthenticationPolicy("Block Basic Auth", allowBasicAuthSmtp: false)
                .AuthenticationPolicy("Allow SMTP", allowBasicAuthSmtp: false)
                .AuthenticationPolicy("ALLOW SMTP", allowBasicAuthSmtp: true)
                .DefaultAuthenticationPolicy("Block Basic Auth")
                .Mailbox("scanner@contoso.com", smtpClientAuthenticationDisabled: false, authenticationPolicy: "ALLOW SMTP")
                .Mailbox("ALICE@contoso.com", smtpClientAuthenticationDisabled: true)
                .Mailbox("alice@contoso.com")
                .Mailbox(otherId.ToUpperInvariant(), smtpClientAuthenticationDisabled: true)));

        var snapshot = built.Snapshot;
        var settings = snapshot.Sections.ExchangeOnline.Value!;
        string scannerId = snapshot.FindUser("scanner@contoso.com")!.User.Id;
        string aliceId = snapshot.FindUser("alice@contoso.com")!.User.Id;

        settings.SmtpClientAuthenticationDisabled.Should().BeTrue();
        settings.DefaultAuthenticationPolicy.Should().Be("Block Basic Auth");
        settings.AuthenticationPolicies.Select(p => (p.Name, p.AllowBasicAuthSmtp)).Should().Equal(("Block Basic Auth", false), ("ALLOW SMTP", true));
        settings.Users.Select(u => (u.UserId, u.SmtpClientAuthenticationDisabled, u.AuthenticationPolicy)).Should().Equal(
            (scannerId, false, "ALLOW SMTP"),
            (aliceId, null, null),
            (otherId, true, null));
        built.At($"/sections/exchangeOnline/value/users/{aliceId}")!.ToJsonString().Should().Be("""{"smtpClientAuthenticationDisabled":null,"authenticationPolicy":null}""");
    }

    [Fact]
    public void A_mailbox_of_an_unknown_UPN_fails_the_build()
    {
        var builder = new SnapshotBuilder().WithExchangeOnline(x => x.Mailbox("nobody@contoso.com", true));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*nobody@contoso.com*WithUser*");
    }

    [Fact]
    public void Bad_arguments_are_rejected_when_declared()
    {
        var x = new SnapshotBuilder().WithExchangeOnline();
        x.Invoking(b => b.WithExchangeOnline(e => e.Mailbox("backup"))).Should().Throw<ArgumentException>();
        x.Invoking(b => b.WithExchangeOnline(e => e.AuthenticationPolicy(" ", true))).Should().Throw<ArgumentException>();
        x.Invoking(b => b.WithExchangeOnline(e => e.DefaultAuthenticationPolicy(""))).Should().Throw<ArgumentException>();
        x.Invoking(b => b.WithExchangeOnline(e => e.Mailbox("backup@contoso.com", authenticationPolicy: ""))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Failed_then_configured_is_captured_and_configured_then_failed_is_failed()
    {
        var captured = new SnapshotBuilder().WithSectionFailed(TenantSectionName.ExchangeOnline, 403).WithExchangeOnline(x => x.SmtpClientAuthenticationDisabled()).Build();
        var failed = new SnapshotBuilder().WithExchangeOnline().WithSectionNotCaptured(TenantSectionName.ExchangeOnline, "Exchange Online PowerShell was not run.").Build();
        var removed = new SnapshotBuilder().WithExchangeOnline().WithSectionFailed(TenantSectionName.ExchangeOnline, 403).WithoutExchangeOnline().Build();

        captured.Sections.ExchangeOnline.Value!.SmtpClientAuthenticationDisabled.Should().BeTrue();
        failed.Sections.ExchangeOnline.Reason.Should().Be("Exchange Online PowerShell was not run.");
        removed.Sections.ExchangeOnline.Should().BeSameAs(TenantSections.NotCaptured.ExchangeOnline);
    }

    [Fact]
    public void Clone_forks_the_settings_and_output_is_deterministic()
    {
        var original = new SnapshotBuilder().WithUser("backup@contoso.com").WithExchangeOnline(x => x.Mailbox("backup@contoso.com", true));
        var clone = original.Clone().WithExchangeOnline(x => x.Mailbox("backup@contoso.com", false));

        original.Build().Sections.ExchangeOnline.Value!.Users[0].SmtpClientAuthenticationDisabled.Should().BeTrue();
        clone.Build().Sections.ExchangeOnline.Value!.Users[0].SmtpClientAuthenticationDisabled.Should().BeFalse();
        original.BuildJson().Should().Be(original.Clone().BuildJson());
        SnapshotWriter.ToJson(original.Build()).Should().Be(original.BuildJson());
    }
}
