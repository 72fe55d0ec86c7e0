Console.WriteLine("Core.Bench: not written yet");
