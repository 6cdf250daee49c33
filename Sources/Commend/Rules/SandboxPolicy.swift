import LuaKit

extension LuaSandboxPolicy {
    /// What rule scripts may reach (RULES.md §2.5): the safe base functions,
    /// `string`, `table`, `math`, `utf8`, `os.date/time/clock`, and modules
    /// of the rules directory's `lib/` folder; the sandbox's refusals speak
    /// of rule scripts, the rules directory, and subjects evaluated on
    /// `--jobs` threads.
    static let rules = LuaSandboxPolicy(
        functions: ["assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
                    "tostring", "type", "rawequal", "rawget", "rawlen", "getmetatable"],
        libraries: ["string", "table", "math", "utf8"],
        osFunctions: ["date", "time", "clock"],
        moduleFolder: "lib",
        wording: .init(scripts: "rule scripts", moduleRoot: "rules directory", frozen: "once the rules are loaded",
                       sharedState: "results would depend on the order in which subjects are evaluated and on --jobs"))
}
