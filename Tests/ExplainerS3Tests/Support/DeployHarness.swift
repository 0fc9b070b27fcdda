import ExplainerKit
import Foundation

@testable import ExplainerS3

/// A deployer over a memory store as the tests run it: this "process" on host `test`, a clock
/// the test sets, other processes alive unless the test says they are gone.
struct DeployHarness {
    let store: MemoryObjectStore
    var options = BucketDeployer.Options(parallelism: 4)
    var pid: Int32 = 100
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    var othersAlive = true

    init(store: MemoryObjectStore = MemoryObjectStore()) {
        self.store = store
    }

    var deployer: BucketDeployer {
        var deployer = BucketDeployer(store: store, bucket: DeploySite.bucket, options: options)
        let (now, alive) = (now, othersAlive)
        deployer.identity = DeployLock.Identity(host: "test", pid: pid, now: { now }, isAlive: { _ in alive })
        return deployer
    }

    func publish(_ objects: [LocalObject]) async throws(BuildFailure) -> DeployReport {
        try await deployer.publish(objects: objects)
    }

    func rollback() async throws(BuildFailure) -> DeployReport {
        try await deployer.rollback()
    }

    /// What `publish` threw, or nil when it succeeded.
    func failure(_ objects: [LocalObject]) async -> BuildFailure? {
        do {
            _ = try await publish(objects)
            return nil
        } catch {
            return error
        }
    }
}
