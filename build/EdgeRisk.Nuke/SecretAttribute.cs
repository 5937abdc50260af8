namespace EdgeRisk.Nuke;

/// <summary>Marks a parameter whose value is masked (<c>*****</c>) in every output the engine produces.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
