#ifndef EXPLAINER_CXXHASH_SHIM_H
#define EXPLAINER_CXXHASH_SHIM_H
#include <xxhash.h>
#endif
