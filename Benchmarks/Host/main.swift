import Foundation
import LuaKit

let source = CommandLine.arguments[1]
let group = DispatchGroup()
for t in 0..<4 {
    group.enter()
    Thread.detachNewThread {
        do {
            let state = try LuaState(limits: LuaLimits(memory: 32 << 20, instructions: 50_000_000, instructionsPerCall: 20_000_000, seconds: 5))
            let sandbox = try LuaSandbox(state: state, moduleRoot: URL(fileURLWithPath: "/tmp"), chunkPrefix: "rules/")
            let start = Date()
            do {
                let r = try sandbox.load(Array(source.utf8), chunkName: "rules/x.lua").call()
                print(t, "ok", r)
            } catch {
                print(t, "error", error, Date().timeIntervalSince(start))
            }
        } catch { print(error) }
        group.leave()
    }
}
group.wait()
