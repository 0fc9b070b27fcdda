/// Decides a publish from the build's objects and the bucket's site: per path an upload (new,
/// or its MD5 differs), a header change (same bytes, another header fingerprint), nothing, or
/// a delete (a site object the build does not have). Pure.
///
/// The order makes every page resolve at every moment of the publish: assets first, then the
/// pages, then the entry files, deletes last. Within the pages, the new ones go in a step before
/// the changed ones: a new page is reached only through a page that links to it, and those
/// (changed pages and entry files) go live after it. New pages may link to each other in cycles
/// (an explainer's sections), and that is safe: none is reachable before all of them are up.
enum DeployPlanner {
    /// The plan that makes `remote` hold exactly `local`.
    static func plan(local: [LocalObject], remote: RemoteSite) -> DeployPlan {
        var uploads: [DeployPlan.Phase: [LocalObject]] = [:]
        var headerChanges: [DeployPlan.Phase: [LocalObject]] = [:]
        var newPages: [LocalObject] = []
        var unchanged: [LocalObject] = []
        var replaced: [String] = []
        var paths = Set<String>()
        paths.reserveCapacity(local.count)
        for object in local.sorted(by: { $0.path < $1.path }) where paths.insert(object.path).inserted {
            let phase = phase(of: object)
            guard let existing = remote.objects[object.path] else {
                if phase == .pages { newPages.append(object) } else { uploads[phase, default: []].append(object) }
                continue
            }
            if existing.md5 != object.md5 {
                uploads[phase, default: []].append(object)
            } else if existing.headerFingerprint != object.headerFingerprint {
                headerChanges[phase, default: []].append(object)
            } else {
                unchanged.append(object)
                continue
            }
            replaced.append(object.path)
        }
        var steps: [DeployPlan.Step] = []
        func add(_ phase: DeployPlan.Phase, _ up: [LocalObject], _ headers: [LocalObject]) {
            if !up.isEmpty || !headers.isEmpty { steps.append(DeployPlan.Step(phase: phase, uploads: up, headerChanges: headers)) }
        }
        add(.assets, uploads[.assets] ?? [], headerChanges[.assets] ?? [])
        add(.pages, newPages, [])
        add(.pages, uploads[.pages] ?? [], headerChanges[.pages] ?? [])
        add(.entries, uploads[.entries] ?? [], headerChanges[.entries] ?? [])
        let deletes = remote.objects.keys.filter { !paths.contains($0) }.sorted()
        return DeployPlan(steps: steps, deletes: deletes, unchanged: unchanged, replaced: replaced)
    }

    /// The phase `object` goes live in.
    static func phase(of object: LocalObject) -> DeployPlan.Phase {
        switch object.role {
        case .asset: .assets
        case .page: .pages
        case .entry: .entries
        }
    }
}
