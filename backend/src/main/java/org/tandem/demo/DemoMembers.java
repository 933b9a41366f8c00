package org.tandem.demo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;

/** Fictitious members for the demo (names, numbers and addresses are invented). */
@Component
@Profile("demo")
class DemoMembers implements ApplicationRunner {

    static final List<Member> MEMBERS = List.of(
            new Member(
                    "M-1001",
                    "Camille",
                    "Martin",
                    LocalDate.of(1984, 3, 12),
                    "camille.martin@example.org",
                    "06 12 34 56 78",
                    "12 rue des Lilas",
                    "Niort",
                    "AUTO-2024-118734"),
            new Member(
                    "M-1002",
                    "Julien",
                    "Bernard",
                    LocalDate.of(1979, 11, 2),
                    "julien.bernard@example.org",
                    "06 98 76 54 32",
                    "4 avenue de la Gare",
                    "Poitiers",
                    "HAB-2019-552310"),
            new Member(
                    "M-1003",
                    "Sophie",
                    "Lefèvre",
                    LocalDate.of(1991, 6, 25),
                    "sophie.lefevre@example.org",
                    "07 11 22 33 44",
                    "27 boulevard Carnot",
                    "La Rochelle",
                    "SANTE-2022-774120"),
            new Member(
                    "M-1004",
                    "Mehdi",
                    "Haddad",
                    LocalDate.of(1968, 1, 30),
                    "mehdi.haddad@example.org",
                    "06 55 44 33 22",
                    "8 impasse du Moulin",
                    "Angoulême",
                    "AUTO-2017-230981"),
            new Member(
                    "M-1005",
                    "Élodie",
                    "Rousseau",
                    LocalDate.of(2000, 9, 8),
                    "elodie.rousseau@example.org",
                    "07 66 77 88 99",
                    "3 place du Marché",
                    "Nantes",
                    "HAB-2023-901245"));

    private final MemberRepository members;

    DemoMembers(MemberRepository members) {
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        MEMBERS.forEach(members::insertIfAbsent);
    }
}
