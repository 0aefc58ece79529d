#include "io/docx/numbering.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "io/docx/number_format.hpp"

namespace reportlint::docx {
namespace {

constexpr int kLevels = 9;
constexpr int kMaxStyleDepth = 32;  // basedOn chains; a cycle stops here

bool parse_into(pugi::xml_document& doc, std::string_view xml) {
  return !xml.empty() && doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
}

bool on(pugi::xml_node flag) {  // <w:isLgl/>, <w:isLgl w:val="true"/>
  if (!flag) return false;
  const std::string_view v = attribute(flag, "val");
  return v.empty() || v == "1" || v == "true" || v == "on";
}

// "heading 2", "Heading 2", "标题 2" → 2.
int level_from_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view prefix : {std::string_view("heading "), std::string_view("标题 "), std::string_view("标题")}) {
    if (!lower.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(lower).substr(prefix.size());
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

}  // namespace

std::string_view local_name(const char* name) noexcept {
  const std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  return {};
}

std::string_view attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == local) return a.value();
  return {};
}

std::optional<int> int_attribute(pugi::xml_node node, std::string_view local) {
  const std::string_view v = attribute(node, local);
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

ParagraphProperties read_paragraph_properties(pugi::xml_node p_pr) {
  ParagraphProperties p;
  if (!p_pr) return p;
  p.style = std::string(attribute(child(p_pr, "pStyle"), "val"));
  if (const pugi::xml_node num_pr = child(p_pr, "numPr")) {
    p.num_id = int_attribute(child(num_pr, "numId"), "val");
    p.level = int_attribute(child(num_pr, "ilvl"), "val");
  }
  if (const pugi::xml_node outline = child(p_pr, "outlineLvl")) p.outline = int_attribute(outline, "val");
  return p;
}

namespace {

template <class Level>
Level read_level(pugi::xml_node lvl) {
  Level level;
  level.start = int_attribute(child(lvl, "start"), "val").value_or(0);
  if (const auto f = attribute(child(lvl, "numFmt"), "val"); !f.empty()) level.format = std::string(f);
  level.text = std::string(attribute(child(lvl, "lvlText"), "val"));
  if (child(lvl, "lvlRestart")) level.restart = int_attribute(child(lvl, "lvlRestart"), "val");
  level.legal = on(child(lvl, "isLgl"));
  level.style = std::string(attribute(child(lvl, "pStyle"), "val"));
  return level;
}

}  // namespace

void Numbering::load(std::string_view numbering_xml, std::string_view styles_xml) {
  pugi::xml_document numbering;
  if (parse_into(numbering, numbering_xml)) {
    const pugi::xml_node root = numbering.document_element();
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n.name());
      if (name == "abstractNum") {
        const auto id = int_attribute(n, "abstractNumId");
        if (!id) continue;
        Abstract a;
        a.num_style_link = std::string(attribute(child(n, "numStyleLink"), "val"));
        for (pugi::xml_node lvl = n.first_child(); lvl; lvl = lvl.next_sibling()) {
          const auto ilvl = int_attribute(lvl, "ilvl");
          if (local_name(lvl.name()) == "lvl" && ilvl && *ilvl >= 0 && *ilvl < kLevels)
            a.levels[static_cast<std::size_t>(*ilvl)] = read_level<Level>(lvl);
        }
        abstracts_[*id] = std::move(a);
      } else if (name == "num") {
        const auto id = int_attribute(n, "numId");
        if (!id) continue;
        Instance instance;
        instance.abstract = int_attribute(child(n, "abstractNumId"), "val").value_or(-1);
        for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
          const auto ilvl = int_attribute(o, "ilvl");
          if (local_name(o.name()) != "lvlOverride" || !ilvl || *ilvl < 0 || *ilvl >= kLevels) continue;
          if (const pugi::xml_node start = child(o, "startOverride"))
            instance.start_override[static_cast<std::size_t>(*ilvl)] = int_attribute(start, "val");
          if (const pugi::xml_node lvl = child(o, "lvl")) instance.level_override[static_cast<std::size_t>(*ilvl)] = read_level<Level>(lvl);
        }
        instances_[*id] = std::move(instance);
      }
    }
  }
  pugi::xml_document styles;
  if (parse_into(styles, styles_xml)) {
    for (pugi::xml_node s = styles.document_element().first_child(); s; s = s.next_sibling()) {
      if (local_name(s.name()) != "style" || attribute(s, "type") != "paragraph") continue;
      Style style;
      style.based_on = std::string(attribute(child(s, "basedOn"), "val"));
      const ParagraphProperties p = read_paragraph_properties(child(s, "pPr"));
      style.num_id = p.num_id;
      style.level = p.level;
      style.outline = p.outline;
      style.name_level = level_from_name(attribute(child(s, "name"), "val"));
      styles_.emplace(std::string(attribute(s, "styleId")), std::move(style));
    }
  }
}

const Numbering::Style* Numbering::style(const std::string& id) const {
  const auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int Numbering::abstract_of(int num_id) const {
  const auto it = instances_.find(num_id);
  if (it == instances_.end()) return -1;
  const int id = it->second.abstract;
  const auto a = abstracts_.find(id);
  if (a == abstracts_.end()) return -1;
  // A definition that only links to a numbering style: use the style's list.
  if (!a->second.num_style_link.empty()) {
    const Style* s = style(a->second.num_style_link);
    if (s && s->num_id && *s->num_id != num_id) {
      const auto linked = instances_.find(*s->num_id);
      if (linked != instances_.end() && abstracts_.count(linked->second.abstract)) return linked->second.abstract;
    }
  }
  return id;
}

const Numbering::Level& Numbering::level_of(const Instance& instance, int abstract_id, int level) const {
  if (const auto& o = instance.level_override[static_cast<std::size_t>(level)]) return *o;
  return abstracts_.at(abstract_id).levels[static_cast<std::size_t>(level)];
}

std::string Numbering::next_number(const ParagraphProperties& properties) {
  std::optional<int> num_id = properties.num_id;
  std::optional<int> level = properties.level;
  std::string list_style;  // the style whose numbering applies, for a level given by w:pStyle
  if (!num_id) {
    std::string id = properties.style;
    for (int depth = 0; depth < kMaxStyleDepth && !id.empty(); ++depth) {
      const Style* s = style(id);
      if (!s) break;
      if (s->num_id) {
        num_id = s->num_id;
        if (!level) level = s->level;
        list_style = id;
        break;
      }
      id = s->based_on;
    }
  }
  if (!num_id || *num_id == 0) return {};
  const int abstract_id = abstract_of(*num_id);
  if (abstract_id < 0) return {};
  Instance& instance = instances_[*num_id];
  if (!level && !list_style.empty()) {
    const Abstract& a = abstracts_.at(abstract_id);
    for (int k = 0; k < kLevels; ++k)
      if (a.levels[static_cast<std::size_t>(k)].style == list_style) level = k;
  }
  const int lvl = std::clamp(level.value_or(0), 0, kLevels - 1);

  Counters& counters = counters_[abstract_id];
  if (!instance.overrides_applied) {
    // "Restart numbering" in Word makes a new instance with a start override: it takes
    // effect where that instance is first used.
    for (int k = 0; k < kLevels; ++k) {
      if (const auto& start = instance.start_override[static_cast<std::size_t>(k)]) {
        counters.value[static_cast<std::size_t>(k)] = *start - 1;
        counters.started[static_cast<std::size_t>(k)] = true;
      }
    }
    instance.overrides_applied = true;
  }
  const Level& def = level_of(instance, abstract_id, lvl);
  auto& value = counters.value[static_cast<std::size_t>(lvl)];
  value = counters.started[static_cast<std::size_t>(lvl)] ? value + 1 : def.start;
  counters.started[static_cast<std::size_t>(lvl)] = true;
  // Deeper levels restart after this one, unless w:lvlRestart (one-based: restart when
  // that level or an earlier one is used; 0: never) says otherwise.
  for (int k = lvl + 1; k < kLevels; ++k) {
    int restart = level_of(instance, abstract_id, k).restart.value_or(k);
    if (restart > k) restart = k;
    if (restart != 0 && lvl < restart) counters.started[static_cast<std::size_t>(k)] = false;
  }

  std::string out;
  const std::string& pattern = def.text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
      const int k = pattern[i + 1] - '1';
      const Level& shown = level_of(instance, abstract_id, k);
      const int v = counters.started[static_cast<std::size_t>(k)] ? counters.value[static_cast<std::size_t>(k)] : shown.start;
      out += format_number(v, def.legal ? "decimal" : shown.format);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

int Numbering::heading_level(const ParagraphProperties& properties) const {
  if (properties.outline) return *properties.outline >= 0 && *properties.outline < 9 ? *properties.outline + 1 : 0;
  std::string id = properties.style;
  for (int depth = 0; depth < kMaxStyleDepth && !id.empty(); ++depth) {
    const Style* s = style(id);
    if (!s) break;
    if (s->outline) return *s->outline >= 0 && *s->outline < 9 ? *s->outline + 1 : 0;
    if (s->name_level) return s->name_level;
    id = s->based_on;
  }
  return 0;
}

}  // namespace reportlint::docx
