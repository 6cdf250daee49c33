import ArgumentParser
import Commend
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule tests in tests/*_test.lua.",
        discussion: """
            Each test(name, function(t) ... end) runs isolated. Failures print file:line
            and both values; the last line is "N passed, N failed". Afterwards, criterion
            coverage lists criteria that no test saw both pass and fail, and items no test
            saw both clamped and unclamped.

              commend test --rules rules
              commend test --filter "Lao động" --coverage-min 80
            """)

    @Option(help: "The rules directory.")
    var rules = "rules"

    @Option(help: "Only tests whose name contains this text.")
    var filter: String?

    @Option(name: .customLong("coverage-min"), help: "Fail when criterion coverage is below this percentage.")
    var coverageMin: Double?

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func run() throws {
        let directory = URL(fileURLWithPath: rules)
        _ = try RuleFiles.read(directory: directory, displayName: rules)   // exit 2 when it does not exist
        let set: RuleSet
        do {
            set = try RuleSet.load(directory: directory, displayName: rules, limits: limits.limits)
        } catch let error as RuleLoadError {
            // No test can run: the rules' problems, then the closing line all the same.
            for problem in error.problems { print(Terminal.text(problem.description)) }
            print("the rules did not load: no test was run")
            print("0 passed, 1 failed")
            throw ExitCode(1)
        }
        let report = try RuleTestRunner(rules: set, limits: limits.limits).run(filter: filter) { line in print(Terminal.text(line)) }
        print(report.coverage.summary)
        var short = false
        if let coverageMin, report.coverage.percent < coverageMin {
            print("criterion coverage \(ReportFormat.number(report.coverage.percent))% is below --coverage-min \(ReportFormat.number(coverageMin))%")
            short = true
        }
        // The closing line comes last, whatever happened.
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 || short { throw ExitCode(1) }
    }
}
