namespace LatentWorkbench.Core.Workbench;

/// <summary>The part a user's item plays in an operation; decoded points are compared with it.</summary>
public enum ReferenceRole
{
    /// <summary>The first end of a path.</summary>
    From,
    /// <summary>The last end of a path.</summary>
    To,
    /// <summary>The item a move, a navigation or a neighbourhood starts from.</summary>
    Start,
}
