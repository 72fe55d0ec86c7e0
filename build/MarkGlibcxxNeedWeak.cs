// MSBuild task: set VER_FLG_WEAK on one version need of an ELF64 shared library (see TorchSharpNative.targets).
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkGlibcxxNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] SystemLibStdCxx =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (SystemProvides(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, "System libstdc++ provides {0}; nothing to patch.", VersionName);
            return true;
        }
        foreach (var item in Files)
        {
            try
            {
                var path = item.ItemSpec;
                var bytes = File.ReadAllBytes(path);
                var offset = FindVernauxFlags(bytes, VersionName);
                if (offset < 0) continue;
                var flags = BitConverter.ToUInt16(bytes, offset);
                if ((flags & VerFlgWeak) != 0) continue;
                var stamp = File.GetLastWriteTimeUtc(path);
                var temp = path + ".patching";
                // A copy is a new inode with the same mode; patch it, then rename it over the original.
                File.Copy(path, temp, true);
                using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
                {
                    stream.Position = offset;
                    stream.Write(BitConverter.GetBytes((ushort)(flags | VerFlgWeak)), 0, 2);
                }
                File.SetLastWriteTimeUtc(temp, stamp);
                File.Replace(temp, path, null);
                Log.LogMessage(MessageImportance.Normal, "Marked {0} weak in {1}", VersionName, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Log.LogWarning("Could not patch {0}: {1}", item.ItemSpec, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static bool SystemProvides(string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        foreach (var candidate in SystemLibStdCxx)
        {
            if (File.Exists(candidate))
                return Contains(File.ReadAllBytes(candidate), needle);
        }
        return false;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    /// <summary>Byte offset of vna_flags of the named version need, or -1 when the file has none.</summary>
    private static int FindVernauxFlags(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1) return -1;
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (sh + 64 > elf.Length) return -1;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            long secOffset = BitConverter.ToInt64(elf, (int)sh + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, (int)sh + 0x28), count = (int)BitConverter.ToUInt32(elf, (int)sh + 0x2C);
            long strOffset = BitConverter.ToInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            long need = secOffset;
            for (int n = 0; n < count && need + 16 <= elf.Length; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount && aux + 16 <= elf.Length; a++)
                {
                    long name = strOffset + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, name) == version) return (int)aux + 4;
                    uint next = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (next == 0) break;
                    aux += next;
                }
                uint nextNeed = BitConverter.ToUInt32(elf, (int)need + 12);
                if (nextNeed == 0) break;
                need += nextNeed;
            }
        }
        return -1;
    }

    private static string ReadCString(byte[] bytes, long start)
    {
        if (start < 0 || start >= bytes.Length) return "";
        int end = Array.IndexOf(bytes, (byte)0, (int)start);
        return Encoding.ASCII.GetString(bytes, (int)start, (end < 0 ? bytes.Length : end) - (int)start);
    }
}
