namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>When a rule runs.</summary>
public enum RuleStage
{
    /// <summary>On the snapshot's facts; these findings decide the verdict.</summary>
    Facts = 0,

    /// <summary>After the verdict and the plan are known (advisories about them); these findings never change the verdict.</summary>
    Outcome = 1,
}
