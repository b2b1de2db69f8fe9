#include "test.h"
void suite_rules(void) {}
