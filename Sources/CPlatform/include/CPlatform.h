#ifndef EXPLAINER_CPLATFORM_H
#define EXPLAINER_CPLATFORM_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set on failure (EINVAL/ENOSYS where unsupported).
int explainer_exchange_paths(const char *a, const char *b);

#endif
