/* The reporter table: output format name -> begin/emit/end trio. */
#include "report.h"

#include <string.h>

static const reporter_ops *const reporters[] = {&report_human_ops,
                                                &report_json_ops, NULL};

const reporter_ops *report_find(const char *name) {
  for (size_t i = 0; reporters[i]; i++)
    if (strcmp(reporters[i]->name, name) == 0)
      return reporters[i];
  return NULL;
}

const char *report_names(void) { return "human, json"; }
