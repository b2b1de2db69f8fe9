#include "test.h"
void suite_pack(void) {}
