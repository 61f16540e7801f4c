namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>
/// The starting points of the rule tests. <see cref="Healthy"/> is healthy-enforced.json without its Conditional Access
/// policies: a P1 tenant, security defaults off, the app-password switch captured and on, and backup@contoso.com a
/// cloud-only member enforced for per-user MFA with phone and Authenticator — verdict available, APW060 only. Each test
/// changes one fact and looks for one code.
/// </summary>
public static class Baseline
{
    public const string UserId = "510adc27-35aa-450a-ad7a-f233a7ffb088";

    public const string Upn = "backup@contoso.com";

    public static Fixture Healthy { get; } = Fixture.Load("healthy-enforced.json").With(root => root.Policies());

    /// <summary><see cref="Healthy"/> with <paramref name="policies"/> as the tenant's Conditional Access policies.</summary>
    public static Fixture WithPolicies(params CaPolicy[] policies) => Healthy.With(root => root.Policies(policies));
}
