using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Evaluation;

/// <summary>
/// Music figures for <c>latent evaluate</c>: note F1 between held-out clips and their greedy reconstructions (notes
/// matched by pitch and onset step), the same with offsets (<see cref="NoteF1WithOffsets"/>), on polyphonic clips only, the style classifier's accuracy, the share of
/// prior samples that hold at least one note, and token kinds (pitch, duration, ...) for accuracy by kind.
/// </summary>
public sealed class MusicEvaluator : IDomainEvaluator
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<string?> samples, IReadOnlyList<string> heldOut)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) return new Dictionary<string, double>();
        var sounding = samples.Count(s => s is not null && ClipText.Parse(s).Clip is { Notes.Count: > 0 });
        return new Dictionary<string, double> { ["samples_with_notes"] = (double)sounding / samples.Count };
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> EvaluateReconstructions(IReadOnlyList<string> inputs, IReadOnlyList<string?> reconstructions, ValidationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(reconstructions);
        ArgumentNullException.ThrowIfNull(metrics);
        var all = new List<double>();
        var withOffsets = new List<double>();
        var polyphonic = new List<double>();
        for (int i = 0; i < Math.Min(inputs.Count, reconstructions.Count); i++)
        {
            if (ClipText.Parse(inputs[i]).Clip is not { } clip) continue;
            var decoded = reconstructions[i] is { } text ? ClipText.Parse(text).Clip : null;
            var f1 = NoteF1(clip, decoded);
            all.Add(f1);
            withOffsets.Add(NoteF1WithOffsets(clip, decoded));
            if (IsPolyphonic(clip)) polyphonic.Add(f1);
        }
        var result = new Dictionary<string, double>();
        if (all.Count > 0)
        {
            result["note_f1"] = all.Average();
            result["note_f1_with_offsets"] = withOffsets.Average();
        }
        if (polyphonic.Count > 0)
        {
            result["note_f1_polyphonic"] = polyphonic.Average();
            result["polyphonic_clips"] = polyphonic.Count;
        }
        if (metrics.TagAccuracy is { } style) result["style_accuracy"] = style;
        return result;
    }

    /// <inheritdoc/>
    public string? TokenKind(string token) => ClipVocabulary.Classify(token).Kind switch
    {
        ClipTokenKind.Invalid => null,
        var kind => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// F1 of the notes of <paramref name="decoded"/> against <paramref name="reference"/>, a note matching when pitch and
    /// onset step agree (each reference note matched at most once). Two empty clips score 1; a missing decode scores 0.
    /// </summary>
    public static double NoteF1(Clip reference, Clip? decoded) => F1(reference, decoded, (_, _) => true);

    /// <summary>
    /// As <see cref="NoteF1"/>, a note also needing its end near the reference note's, as transcription scores count
    /// offsets (mir_eval): within a fifth of the reference note's duration or one grid step, whichever is larger.
    /// </summary>
    public static double NoteF1WithOffsets(Clip reference, Clip? decoded) =>
        F1(reference, decoded, (r, d) => Math.Abs(r.End - d.End) <= Math.Max(1, 0.2 * r.Duration));

    private static double F1(Clip reference, Clip? decoded, Func<ClipNote, ClipNote, bool> endsAgree)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (decoded is null) return 0;
        if (reference.Notes.Count == 0 && decoded.Notes.Count == 0) return 1;
        var remaining = reference.Notes.GroupBy(n => (n.Step, n.Pitch)).ToDictionary(g => g.Key, g => g.ToList());
        int matched = 0;
        foreach (var note in decoded.Notes)
        {
            if (!remaining.TryGetValue((note.Step, note.Pitch), out var left)) continue;
            var match = left.FindIndex(r => endsAgree(r, note));
            if (match < 0) continue;
            left.RemoveAt(match);
            matched++;
        }
        return 2.0 * matched / (reference.Notes.Count + decoded.Notes.Count);
    }

    /// <summary>Whether two notes of <paramref name="clip"/> ever sound at the same time.</summary>
    public static bool IsPolyphonic(Clip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var notes = clip.Notes.OrderBy(n => n.Step).ToArray();
        int latestEnd = int.MinValue;
        foreach (var note in notes)
        {
            if (note.Step < latestEnd) return true;
            latestEnd = Math.Max(latestEnd, note.End);
        }
        return false;
    }
}
