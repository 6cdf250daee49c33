import CCrypto
import Foundation

/// SHA-256 from the system's libcrypto (through pkg-config, as Lua is): the
/// rules digest (RULES.md §2) and the data digest of recorded runs. Owns an
/// EVP context, freed in `deinit`. One hasher per digest, used by one thread.
package final class SHA256Hasher {
    private let context: OpaquePointer

    /// A new digest.
    package init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto cannot start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    package func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds `data` to the digest.
    package func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    private func update(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress, raw.count > 0 else { return }
        guard EVP_DigestUpdate(context, base, raw.count) == 1 else { fatalError("libcrypto: SHA-256 update failed") }
    }

    /// The 32 bytes of the digest; the hasher is spent.
    package func finishBytes() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            fatalError("libcrypto: SHA-256 final failed")
        }
        return digest
    }

    /// `sha256:` and the digest in lowercase hexadecimal; the hasher is spent.
    package func finish() -> String {
        "sha256:" + finishBytes().map { String(format: "%02x", $0) }.joined()
    }
}
