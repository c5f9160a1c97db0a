// xapian_c_as_cxx.cc: the binding's C header compiles as C++ too.
// SPDX-License-Identifier: MIT
#include "xapian-c.h"

// Referencing a function makes the compiler check its declaration.
extern "C++" const void *xapian_c_as_cxx_check();
const void *
xapian_c_as_cxx_check()
{
	return reinterpret_cast<const void *>(&xc_db_open);
}
