namespace LatentWorkbench.Core.Training;

/// <summary>
/// One training item as token ids (no specials), standardised property targets (NaN where unknown) and a tag
/// class index (-1 for none).
/// </summary>
public sealed record EncodedItem(int[] Tokens, float[] Targets, int Tag);
