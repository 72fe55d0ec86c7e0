namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Clip text (the item text the workbench exchanges) to and from <see cref="Clip"/>s.</summary>
public static class ClipText
{
    /// <summary>
    /// The canonical text of <paramref name="clip"/>: notes sorted by step and pitch, durations and velocities
    /// written as their nearest bins, pitches outside 21..108 and notes past the last bar dropped, and notes that
    /// would make more than <see cref="ClipVocabulary.MaxPolyphony"/> sound at once left out; a note is shortened to end
    /// where its key is struck again.
    /// </summary>
    public static string ToText(Clip clip)
    {
        int meter = ClipVocabulary.Meters.Contains(clip.QuartersPerBar) ? clip.QuartersPerBar : 4;
        int stepsPerBar = meter * ClipVocabulary.StepsPerQuarter;
        int bars = Math.Clamp(clip.Bars, 1, ClipVocabulary.MaxBars);
        int horizon = ClipVocabulary.MaxBars * stepsPerBar;
        var grammar = new ClipGrammar(false);
        var tokens = new List<string> { $"M{meter}" };
        grammar.Push(ClipTokenKind.Meter, meter);
        var notes = clip.Notes
            .Where(n => n.Pitch is >= ClipVocabulary.MinPitch and <= ClipVocabulary.MaxPitch && n.Step >= 0 && n.Step < bars * stepsPerBar)
            .GroupBy(n => (n.Step, n.Pitch)).Select(g => g.First())
            .OrderBy(n => n.Step).ThenBy(n => n.Pitch).ToList();
        // A note ends where the same key is struck again (MIDI note offs could not tell them apart otherwise).
        var nextStrike = new int[notes.Count];
        var seen = new Dictionary<int, int>();
        for (int i = notes.Count - 1; i >= 0; i--)
        {
            nextStrike[i] = seen.TryGetValue(notes[i].Pitch, out int next) ? next : int.MaxValue;
            seen[notes[i].Pitch] = notes[i].Step;
        }
        int bar = 0;
        int position = -1;
        for (int i = 0; i < notes.Count; i++)
        {
            var n = notes[i];
            while (bar <= n.Step / stepsPerBar)
            {
                Add(grammar, tokens, ClipTokenKind.Bar, 0);
                bar++;
                position = -1;
            }
            int p = n.Step % stepsPerBar;
            if (p != position && !Add(grammar, tokens, ClipTokenKind.Position, p))
            {
                continue;
            }
            position = p;
            if (!grammar.Accepts(ClipTokenKind.Pitch, n.Pitch))
            {
                continue;
            }
            int d = ClipVocabulary.QuantizeDuration(n.Duration);
            int limit = Math.Min(horizon, nextStrike[i]) - n.Step;
            d = ClipVocabulary.DurationBins.Where(b => b <= d && b <= limit).DefaultIfEmpty(1).Max();
            Add(grammar, tokens, ClipTokenKind.Pitch, n.Pitch);
            Add(grammar, tokens, ClipTokenKind.Duration, d);
            Add(grammar, tokens, ClipTokenKind.Velocity, ClipVocabulary.VelocityBin(n.Velocity));
        }
        while (bar < bars)
        {
            Add(grammar, tokens, ClipTokenKind.Bar, 0);
            bar++;
        }
        return string.Join(' ', tokens);
    }

    /// <summary>Parses clip text; never throws for bad input.</summary>
    public static ClipParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var grammar = new ClipGrammar(true);
        foreach (var (token, start) in ClipTokenizer.Scan(text))
        {
            var (kind, value) = ClipVocabulary.Classify(token);
            if (kind == ClipTokenKind.Invalid)
            {
                return new ClipParseResult(null, $"unknown token '{token}'", start);
            }
            if (!grammar.Accepts(kind, value))
            {
                return new ClipParseResult(null, $"token '{token}' is not allowed here ({Expected(grammar)})", start);
            }
            grammar.Push(kind, value);
        }
        if (!grammar.Closable)
        {
            return new ClipParseResult(null, $"clip text ends too early ({Expected(grammar)})", text.Length);
        }
        int stepsPerBar = grammar.QuartersPerBar * ClipVocabulary.StepsPerQuarter;
        int total = grammar.Bars * stepsPerBar;
        var notes = grammar.Notes.Select(n => n with { Duration = Math.Min(n.Duration, total - n.Step) }).ToList();
        return new ClipParseResult(new Clip(grammar.QuartersPerBar, grammar.Bars, notes));
    }

    private static bool Add(ClipGrammar grammar, List<string> tokens, ClipTokenKind kind, int value)
    {
        if (!grammar.Accepts(kind, value))
        {
            return false;
        }
        grammar.Push(kind, value);
        tokens.Add(kind switch
        {
            ClipTokenKind.Bar => ClipVocabulary.Bar,
            ClipTokenKind.Position => $"P{value}",
            ClipTokenKind.Pitch => $"N{value}",
            ClipTokenKind.Duration => $"D{value}",
            _ => $"V{value}",
        });
        return true;
    }

    private static string Expected(ClipGrammar g)
    {
        var kinds = Enum.GetValues<ClipTokenKind>().Where(k => k != ClipTokenKind.Invalid && AnyAccepted(g, k));
        return "expected " + string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))
            + (g.Closable ? " or the end" : "");
    }

    private static bool AnyAccepted(ClipGrammar g, ClipTokenKind kind) =>
        ClipVocabulary.AllTokens.Select(ClipVocabulary.Classify).Any(t => t.Kind == kind && g.Accepts(t.Kind, t.Value));
}
