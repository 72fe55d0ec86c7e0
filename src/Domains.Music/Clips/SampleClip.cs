using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>A sample piece written by the project: its file name (without extension), style folder and score.</summary>
/// <param name="Name">File name without <c>.mid</c>, e.g. <c>ii-v-i-in-c</c>.</param>
/// <param name="Style">Folder and tag: <c>jazz</c> or <c>classical</c>.</param>
/// <param name="Description">One line on what it is (melody source, progression).</param>
/// <param name="Score">The parts, tempo and meter.</param>
public sealed record SampleClip(string Name, string Style, string Description, MidiScore Score)
{
    /// <summary>What a musician would call it (the piece, or the tune and its changes); the description when not set.</summary>
    public string Title
    {
        get => field ?? Description;
        init;
    }
}
