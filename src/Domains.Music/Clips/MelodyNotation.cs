namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Tiny note notation for hand-written sample melodies: <c>E4q D4e. R4h</c> = pitch name with octave (or R for a
/// rest) and a length letter (w whole, h half, q quarter, e eighth, s sixteenth, t triplet eighth), a trailing dot
/// adds half; <c>|</c> separates bars for readability.
/// </summary>
internal static class MelodyNotation
{
    public static List<ClipNote> Parse(string melody, int velocity)
    {
        var notes = new List<ClipNote>();
        int step = 0;
        foreach (var token in melody.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "|")
            {
                continue;
            }
            bool dotted = token.EndsWith('.');
            string body = dotted ? token[..^1] : token;
            int length = body[^1] switch
            {
                'w' => 48, 'h' => 24, 'q' => 12, 'e' => 6, 's' => 3, 't' => 4,
                _ => throw new FormatException($"bad length in '{token}'"),
            };
            length = dotted ? length * 3 / 2 : length;
            string pitch = body[..^1];
            if (!pitch.StartsWith('R'))
            {
                notes.Add(new ClipNote(step, Pitch(pitch), length, velocity));
            }
            step += length;
        }
        return notes;
    }

    /// <summary>MIDI pitch of a name such as C4 (60), F#4, Bb3.</summary>
    public static int Pitch(string name)
    {
        int pc = "C D EF G A B".IndexOf(name[0], StringComparison.Ordinal);
        int i = 1;
        if (name[1] == '#')
        {
            pc++;
            i++;
        }
        else if (name[1] == 'b')
        {
            pc--;
            i++;
        }
        return (int.Parse(name[i..], System.Globalization.CultureInfo.InvariantCulture) + 1) * 12 + pc;
    }
}
