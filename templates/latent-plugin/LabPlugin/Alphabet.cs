namespace LabPlugin;

/// <summary>The letters an item may contain; the example domain is DNA.</summary>
public static class Alphabet
{
    /// <summary>Allowed letters, upper case.</summary>
    public const string Letters = "ACGT";

    /// <summary>Longest item accepted, in letters.</summary>
    public const int MaxLength = 60;
}
