import ArgumentParser
import Commend
import CommendStore
import Foundation

@main
struct CommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commend",
        abstract: "Evaluate commendation and ranking rules written in Lua.",
        discussion: """
            Rules live in a directory of Lua scripts (plan.lua, award and scoring
            declarations, lib/ modules, tests/). Data is a directory of CSV files or one
            data.json. Run from the repository root, the defaults use the sample plan:

              commend check
              commend evaluate --phase dot1
              commend explain --phase dot2 --subject DV0000001
              commend test
              commend diff --rules rules --against /tmp/rules-new --phase dot2
              commend evaluate --phase dot2 --record && commend runs list

            Exit status: 0 done, 1 a rule error, 2 bad usage or bad data.
            """,
        version: CommendVersion.current,
        subcommands: [Evaluate.self, Explain.self, Check.self, TestCommand.self, Diff.self, Runs.self, History.self, Report.self, Serve.self])

    static func main() {
        HeapTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as CleanExit {
            Self.exit(withError: error)
        } catch {
            if let code = failureCode(error) {
                FileHandle.standardError.write(Data((Terminal.text(String(describing: error)) + "\n").utf8))
                Foundation.exit(code)
            }
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            FileHandle.standardError.write(Data((Terminal.text(fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    /// 1 for rule errors, 2 for data and usage errors; nil for parser errors.
    static func failureCode(_ error: any Error) -> Int32? {
        switch error {
        case is RuleError, is RuleLoadError: 1
        case is DataError, is EvaluationError, is NoSuchDirectory, is StoreError: 2
        default: nil
        }
    }
}
