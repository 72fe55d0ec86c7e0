Console.WriteLine("Music.Bench: not written yet");
