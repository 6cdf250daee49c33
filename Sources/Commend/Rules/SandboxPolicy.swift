import LuaKit

extension LuaSandboxPolicy {
    /// What rule scripts may reach (RULES.md §2.5): the safe base functions,
    /// `string`, `table`, `math`, `utf8`, `os.date/time/clock`, and modules
    /// of the rules directory's `lib/` folder.
    static let rules = LuaSandboxPolicy(
        functions: ["assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
                    "tostring", "type", "rawequal", "rawget", "rawlen", "getmetatable"],
        libraries: ["string", "table", "math", "utf8"],
        osFunctions: ["date", "time", "clock"],
        moduleFolder: "lib")
}
