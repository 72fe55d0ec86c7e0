using LatentWorkbench.Cli;

return LatentApp.CreateDefault().Run(args);
