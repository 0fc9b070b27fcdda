#ifndef EXPLAINER_CVIPS_SHIM_H
#define EXPLAINER_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
