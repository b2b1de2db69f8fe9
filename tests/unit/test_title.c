#include "test.h"
void suite_title(void) {}
