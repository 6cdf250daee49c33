import ArgumentParser
import Commend
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate the rules without data.",
        discussion: """
            Reports every problem in one pass as file:line: message: syntax errors, a
            missing or second plan, unknown keys, criteria without check, items without
            max, bad tiebreaks, quota bases that are not awards, unknown phases,
            duplicate ids, undeclared fields (warnings). Exit status 1 if any error.

              commend check --rules rules
            """)

    @Option(help: "The rules directory.")
    var rules = "rules"

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func run() throws {
        let directory = URL(fileURLWithPath: rules)
        _ = try RuleFiles.read(directory: directory, displayName: rules)   // exit 2 when it does not exist
        let problems = RuleSet.check(directory: directory, displayName: rules, limits: limits.limits)
        for problem in problems { print(Terminal.text(problem.description)) }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        if errors > 0 {
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let set = try RuleSet.load(directory: directory, displayName: rules, limits: limits.limits)
        print("\(rules): plan \(set.plan.id), \(set.awards.count) awards, \(set.scorings.count) scorings, \(set.files.all.count) files: no errors" + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
    }
}
