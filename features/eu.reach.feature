Feature: eu.reach - REACH Annex XVII restrictions and Candidate List information duties
  REACH restricts named substances in named articles (nickel in jewellery, lead, cadmium,
  phthalates, PFHxA, loose glitter, formaldehyde emissions, CMR and azo dyes in textiles,
  chromium VI in leather, PAHs) and requires SVHC information to be given. Where the listing
  declares the substance, officers see it on the date the restriction applies, not before, and
  words that merely look like a substance are not flagged.

  @EU.REACH.27.NICKEL_SKIN_CONTACT
  Scenario: Earrings declaring nickel need the EN 1811 release test
    Given a listing for market "DE" titled "Ohrringe Silber" with:
      """
      attributes: {chemicals: [nickel]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.27.NICKEL_SKIN_CONTACT | review | DE | attributes.chemicals[0], title |

  @EU.REACH.27.NICKEL_SKIN_CONTACT
  Scenario: A cordless drill with nickel is not worn on the skin
    Given a listing for market "DE" titled "Akku-Schrauber" with:
      """
      attributes: {chemicals: [nickel]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.BATT_NOT_CITED | review | DE | title |

  @EU.REACH.23.CADMIUM_DECLARED
  Scenario: A necklace declaring cadmium
    Given a listing for market "DE" titled "Halskette" with:
      """
      attributes: {chemicals: [cadmium]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.23.CADMIUM_DECLARED | review | DE | attributes.chemicals[0] |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.23.CADMIUM_DECLARED
  Scenario: Cadmium-free pigments are not cadmium
    Given a listing for market "DE" titled "Halskette" with:
      """
      description: "Cadmium-free pigments."
      """
    When it is screened
    Then there are no findings

  @EU.REACH.63.LEAD_JEWELLERY
  Scenario: A bracelet declaring lead
    Given a listing for market "DE" titled "Armband mit Anhänger" with:
      """
      attributes: {chemicals: [lead]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.63.LEAD_JEWELLERY | review | DE | attributes.chemicals[0], title |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.63.LEAD_JEWELLERY
  Scenario: A fishing weight is not jewellery (lead is still a Candidate List substance)
    Given a listing for market "DE" titled "Angelgewicht" with:
      """
      attributes: {chemicals: [lead]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.63.LEAD_MOUTHABLE
  Scenario: A children's product declaring lead
    Given a listing for market "DE" titled "Schlüsselanhänger für Kinder" with:
      """
      attributes: {children_product: true, chemicals: [lead]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.63.LEAD_MOUTHABLE | review | DE | attributes.chemicals[0], attributes.children_product |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.63.LEAD_MOUTHABLE
  Scenario: "Unleaded" is not lead
    Given a listing for market "DE" titled "Schlüsselanhänger für Kinder" with:
      """
      attributes: {children_product: true, chemicals: [unleaded]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.63.LEAD_PVC
  Scenario: A PVC garden hose declaring lead
    Given a listing for market "DE" titled "PVC Gartenschlauch 20 m" with:
      """
      attributes: {chemicals: [lead]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.63.LEAD_PVC | review | DE | attributes.chemicals[0], title |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.63.LEAD_PVC
  Scenario: The same hose the day before the PVC restriction applied (only the SVHC duty)
    Given a listing for market "DE" titled "PVC Gartenschlauch 20 m" with:
      """
      attributes: {chemicals: [lead]}
      """
    When it is screened as of "2024-11-28"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.51.PHTHALATES_DECLARED
  Scenario: A product declaring DEHP
    Given a listing for market "DE" titled "Gartenschlauch" with:
      """
      attributes: {chemicals: [DEHP]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.51.PHTHALATES_DECLARED | review | DE | attributes.chemicals[0], attributes.substances, derived.reach51_phthalates_percent |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.51.PHTHALATES_DECLARED
  Scenario: DEHP and DBP each under 0.1 % but 0.11 % together
    Given a listing for market "DE" titled "PVC-Badeente" with:
      """
      attributes: {chemicals: ["DEHP 0.06 %", "DBP 0.05 %"]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.51.PHTHALATES_DECLARED | review | DE | attributes.chemicals[0], attributes.chemicals[1], derived.reach51_phthalates_percent |

  @EU.REACH.51.PHTHALATES_DECLARED
  Scenario: DEHP and DBP adding up to 0.09 % are under the limit
    Given a listing for market "DE" titled "PVC-Badeente" with:
      """
      attributes: {chemicals: ["DEHP 0.05 %", "DBP 0.04 %"]}
      """
    When it is screened
    Then there are no findings
    And rule "EU.REACH.51.PHTHALATES_DECLARED" does not fire

  @EU.REACH.51.PHTHALATES_DECLARED
  Scenario: DEHT is not DEHP
    Given a listing for market "DE" titled "Gartenschlauch" with:
      """
      attributes: {chemicals: [DEHT]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.52.PHTHALATES_MOUTHABLE
  Scenario: A children's product declaring DINP
    Given a listing for market "DE" titled "Badeente" with:
      """
      attributes: {children_product: true, chemicals: [DINP]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.52.PHTHALATES_MOUTHABLE | review | DE | attributes.chemicals[0], attributes.children_product |

  @EU.REACH.52.PHTHALATES_MOUTHABLE
  Scenario: DINCH is not DINP
    Given a listing for market "DE" titled "Badeente" with:
      """
      attributes: {children_product: true, chemicals: [DINCH]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.79.PFHXA_CLOTHING
  Scenario: A rain jacket with C6 DWR from 10 October 2026
    Given a listing for market "DE" titled "Regenjacke Damen" with:
      """
      description: "Wasserabweisend dank C6 DWR."
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.79.PFHXA_CLOTHING | review | DE | description, title |

  @EU.REACH.79.PFHXA_CLOTHING
  Scenario: The day before the PFHxA restriction
    Given a listing for market "DE" titled "Regenjacke Damen" with:
      """
      description: "Wasserabweisend dank C6 DWR."
      """
    When it is screened as of "2026-10-09"
    Then there are no findings

  @EU.REACH.78.LOOSE_GLITTER
  Scenario: Loose craft glitter is a banned microplastic
    Given a listing for market "DE" titled "Bastelglitter 12 Farben"
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.78.LOOSE_GLITTER | review | DE | title |

  @EU.REACH.78.LOOSE_GLITTER
  Scenario: A glitter dress is not loose glitter
    Given a listing for market "DE" titled "Glitter dress"
    When it is screened
    Then there are no findings

  @EU.REACH.77.FORMALDEHYDE_NO_TEST
  Scenario: MDF furniture without a formaldehyde emission test
    Given a listing for market "DE" titled "Kommode weiß, MDF, 4 Schubladen"
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.77.FORMALDEHYDE_NO_TEST | review | DE | title |

  @EU.REACH.77.FORMALDEHYDE_NO_TEST
  Scenario: The day before the emission limit applies
    Given a listing for market "DE" titled "Kommode weiß, MDF, 4 Schubladen"
    When it is screened as of "2026-08-05"
    Then there are no findings

  @EU.REACH.72.CMR_TEXTILES
  Scenario: A towel declaring benzene
    Given a listing for market "DE" titled "Cotton towel" with:
      """
      attributes: {chemicals: [benzene]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.72.CMR_TEXTILES | review | DE | attributes.chemicals[0], title |

  @EU.REACH.72.CMR_TEXTILES
  Scenario: "Leadership" is not lead
    Given a listing for market "DE" titled "Cotton towel" with:
      """
      attributes: {chemicals: [leadership]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.72.CMR_TEXTILES
  Scenario: A wallet of natural leather only is outside entry 72 (entry 47 decides its chromium VI)
    Given a listing for market "IT" titled "Portafoglio in pelle" with:
      """
      description: Portafoglio in vera pelle conciata al cromo.
      attributes: {chemicals: ["chromium VI 2 mg/kg"]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.72.CMR_TEXTILES
  Scenario: A leather jacket with a polyester lining is not made only of leather
    Given a listing for market "DE" titled "Leather jacket" with:
      """
      description: Lambskin leather, polyester lining.
      attributes: {chemicals: [formaldehyde]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.72.CMR_TEXTILES | review | DE | attributes.chemicals[0], title, description |

  @EU.REACH.43.AZO_TEXTILES
  Scenario: Bed linen declaring azo dyes
    Given a listing for market "DE" titled "Baumwoll-Bettwäsche" with:
      """
      attributes: {chemicals: ["azo dye"]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.43.AZO_TEXTILES | review | DE | attributes.chemicals[0], title |

  @EU.REACH.43.AZO_TEXTILES
  Scenario: Azo-free dyes
    Given a listing for market "DE" titled "Leather wallet" with:
      """
      description: "Azo-free dyes."
      """
    When it is screened
    Then there are no findings

  @EU.REACH.47.CRVI_LEATHER
  Scenario: Leather gloves declaring chromium VI
    Given a listing for market "DE" titled "Lederhandschuhe" with:
      """
      attributes: {chemicals: ["chrom(VI)"]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.47.CRVI_LEATHER | review | DE | attributes.chemicals[0], title |

  @EU.REACH.47.CRVI_LEATHER
  Scenario: Chromium III is not chromium VI
    Given a listing for market "DE" titled "Lederhandschuhe" with:
      """
      attributes: {chemicals: ["chromium III"]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.50.PAH_DECLARED
  Scenario: A tool grip declaring benzo[a]pyrene
    Given a listing for market "DE" titled "Werkzeuggriff" with:
      """
      attributes: {chemicals: ["benzo[a]pyrene"]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.50.PAH_DECLARED | review | DE | attributes.chemicals[0] |

  @EU.REACH.50.PAH_DECLARED
  Scenario: A PAH-free grip
    Given a listing for market "DE" titled "Werkzeuggriff" with:
      """
      description: "PAH-free rubber grip."
      """
    When it is screened
    Then there are no findings

  @EU.REACH.SVHC.NO_STATEMENT
  Scenario: A Candidate List substance without the Article 33 statement
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      attributes: {chemicals: ["bisphenol A"]}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.REACH.SVHC.NO_STATEMENT
  Scenario: BPA-free is not bisphenol A
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      attributes: {chemicals: ["BPA-free"]}
      """
    When it is screened
    Then there are no findings

  @EU.REACH.47.CRVI_LEATHER
  Scenario: Chromium VI written Cr(VI) in an Italian leather wallet
    Given a listing for market "IT" titled "Portafoglio in pelle" with:
      """
      attributes: {chemicals: ["Cr(VI)"]}
      """
    When it is screened as of "2026-11-02"
    Then the findings are exactly:
      | rule                     | severity | market | field                          |
      | EU.REACH.47.CRVI_LEATHER | review   | IT     | attributes.chemicals[0], title |

  @EU.REACH.78.LOOSE_GLITTER
  Scenario: Loose plastic craft glitter described in French
    Given a listing for market "FR" titled "Paillettes de bricolage en vrac, 100 g" with:
      """
      description: "Paillettes plastiques en vrac pour loisirs créatifs, 100 g."
      """
    When it is screened as of "2026-11-02"
    Then the findings are exactly:
      | rule                      | severity | market | field       |
      | EU.REACH.78.LOOSE_GLITTER | review   | FR     | description |

  @EU.REACH.78.LOOSE_GLITTER
  Scenario: Mineral (mica) craft glitter is outside entry 78
    Given a listing for market "FR" titled "Paillettes de bricolage en vrac, 100 g" with:
      """
      description: "Paillettes minérales en mica naturel, 100 g."
      """
    When it is screened as of "2026-11-02"
    Then there are no findings

  @EU.REACH.79.PFHXA_CLOTHING
  Scenario: A C6-DWR finish written with hyphens, after 10 October 2026
    Given a listing for market "DE" titled "Regenjacke Herren, wasserdicht" with:
      """
      description: "Regenjacke aus Polyester mit C6-DWR-Imprägnierung (fluorhaltig)."
      """
    When it is screened as of "2026-10-12"
    Then the findings are exactly:
      | rule                       | severity | market | field              |
      | EU.REACH.79.PFHXA_CLOTHING | review   | DE     | description, title |
