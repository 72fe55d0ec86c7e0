using LatentWorkbench.Cli;

return LatentApp.Start(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
