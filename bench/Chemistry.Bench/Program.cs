Console.WriteLine("Chemistry.Bench: not written yet");
