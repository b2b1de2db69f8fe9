/* Public API: linting a buffer the result takes over, and where a result's
 * sections, lines and code blocks are (byte spans), for clients that edit
 * documents (fix.c, the language server). Thin accessors over result.c's
 * struct. */
#include "result.h"

ddlint_result *ddlint_lint_owned_buffer(const ddlint_pack *pack,
                                        const char *path, char *text,
                                        size_t len,
                                        const ddlint_options *opts) {
  return lint_owned_buffer(pack, path, text, len, opts);
}

int ddlint_result_section_level(const ddlint_result *result, size_t s) {
  return result->section_level[s];
}

int ddlint_result_section_run_in(const ddlint_result *result, size_t s) {
  return result->section_made && result->section_made[s] == BLOCK_MADE_RUN_IN;
}

int ddlint_result_section_bold_line(const ddlint_result *result, size_t s) {
  return result->section_made && result->section_made[s] == BLOCK_MADE_BOLD;
}

int ddlint_result_section_span(const ddlint_result *result, size_t s,
                               size_t *start, size_t *end) {
  if (!result->section_level[s] && !ddlint_coverage_section_state(result, s))
    return 0;
  if (start)
    *start = result->section_start[s];
  if (end)
    *end = result->section_end[s];
  return 1;
}

int ddlint_result_section_near(const ddlint_result *result, size_t s,
                               size_t *start, size_t *end, int *level) {
  const struct near_heading *nh = &result->section_near[s];
  if (nh->start == SIZE_MAX)
    return 0;
  if (start)
    *start = nh->start;
  if (end)
    *end = nh->end;
  if (level)
    *level = nh->level;
  return 1;
}

int ddlint_result_section_hidden(const ddlint_result *result, size_t s,
                                 size_t *offset) {
  if (!result->section_hidden || result->section_hidden[s] == SIZE_MAX)
    return 0;
  if (offset)
    *offset = result->section_hidden[s];
  return 1;
}

const char *ddlint_result_text(const ddlint_result *result, size_t *len) {
  *len = result->src.len;
  return result->src.text ? result->src.text : "";
}

void ddlint_result_line_bounds(const ddlint_result *result, size_t offset,
                               size_t *start, size_t *end) {
  size_t s, e;
  source_line_bounds(&result->src, offset, &s, &e);
  if (start)
    *start = s;
  if (end)
    *end = e;
}

size_t ddlint_result_code_block_count(const ddlint_result *result) {
  return result->ncode_spans;
}

void ddlint_result_code_block_span(const ddlint_result *result, size_t i,
                                   size_t *start, size_t *end) {
  if (start)
    *start = result->code_spans[2 * i];
  if (end)
    *end = result->code_spans[2 * i + 1];
}

size_t ddlint_result_part_of(const ddlint_result *result, size_t offset,
                             size_t *part_offset) {
  if (!result->parts) {
    if (part_offset)
      *part_offset = offset;
    return 0;
  }
  size_t k = doc_part_of(result->parts, result->nparts, offset);
  if (part_offset)
    *part_offset = offset - result->parts[k].base;
  return k;
}

const char *ddlint_result_part_text(const ddlint_result *result, size_t i,
                                    size_t *len) {
  *len = result->parts[i].src.len;
  return result->parts[i].src.text;
}

void ddlint_config_apply_file_ud(const ddlint_config *cfg, const char *file,
                                 const ddlint_pack *pack, ddlint_result *result,
                                 ddlint_warn_fn warn, void *userdata) {
  result->only_file = file; /* as ddlint_config_apply_file() */
  ddlint_config_apply_ud(cfg, file, pack, result, warn, userdata);
  result->only_file = NULL;
}
