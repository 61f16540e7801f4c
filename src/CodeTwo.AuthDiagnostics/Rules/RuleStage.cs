namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>When a rule runs.</summary>
internal enum RuleStage
{
    /// <summary>On the snapshot's facts; these findings decide the verdict.</summary>
    Facts = 0,

    /// <summary>After the verdict is known (advisories about it); these findings never change the verdict.</summary>
    Outcome = 1,
}
