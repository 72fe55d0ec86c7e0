namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// A user's item that decoded points are compared with, in its <paramref name="Role"/>. <see cref="Name"/> keys the
/// point's <see cref="LatentPoint.Similarities"/> and, through them, the JSON fields (<c>similarity_to_from</c>).
/// </summary>
/// <param name="Role">What the item is to the operation.</param>
/// <param name="Text">The item, canonical.</param>
public sealed record ItemReference(ReferenceRole Role, string Text)
{
    /// <summary>The role's name in <see cref="LatentPoint.Similarities"/> and JSON.</summary>
    public string Name => NameOf(Role);

    /// <summary>Whether distances are measured from this item (<see cref="LatentPoint.DistanceFromStart"/>).</summary>
    public bool IsOrigin => Role is ReferenceRole.From or ReferenceRole.Start;

    /// <summary>The one mapping of a role to its name: <c>from</c>, <c>to</c>, <c>start</c>.</summary>
    public static string NameOf(ReferenceRole role) => role switch
    {
        ReferenceRole.From => "from",
        ReferenceRole.To => "to",
        ReferenceRole.Start => "start",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown reference role."),
    };
}
