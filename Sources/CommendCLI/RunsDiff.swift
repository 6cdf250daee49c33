import ArgumentParser
import Commend
import CommendStore
import Foundation

struct RunsDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two recorded runs: who gained, lost or moved.",
        discussion: """
            The same comparison and output as `commend diff` (see `commend diff --help`
            for the JSON), with run A as the old side and run B as the new one: per
            award the subjects that gain or lose eligibility or the award, with the
            criteria whose outcome changed or their quota place; per scoring the
            subjects whose rank, grade or group moved.

              commend runs diff 2 3
              commend runs diff 2 3 --format json
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: "The older run (the old side).")
    var a: Int64

    @Argument(help: "The newer run (the new side).")
    var b: Int64

    @Option(help: "Output format: table (readable text) or json.")
    var format: Diff.Format = .table

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let store = try self.store.openForReading()
        let old = try store.run(a), new = try store.run(b)
        let impact = Impact(old: try store.result(of: a), new: try store.result(of: b))
        let sink = try OutputSink.to(out)
        switch format {
        case .table:
            sink.write(Terminal.text(ImpactTextFormat.text(
                impact, old: "\(a), \(old.plan) \(old.phase), \(old.recordedAt)",
                new: "\(b), \(new.plan) \(new.phase), \(new.recordedAt)", runs: (a, b), language: language.lang)))
        case .json: sink.write(ImpactJSONFormat.text(impact))
        }
        try sink.commit()
    }
}
