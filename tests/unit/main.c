/* placeholder until the unit tests land */
int main(void) { return 1; }
