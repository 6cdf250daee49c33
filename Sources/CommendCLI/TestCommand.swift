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

    func run() throws {
        let set = try RuleSet.load(directory: URL(fileURLWithPath: rules), displayName: rules)
        let report = try RuleTestRunner(rules: set).run(filter: filter) { line in print(Terminal.text(line)) }
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
